import { isGiven } from 'connector-toolkit/coerce.js';
import type { FlatRecord } from 'connector-toolkit/flat-record.js';
import { findRecords } from 'connector-toolkit/steps/find-records.js';
import { searchStep } from 'connector-toolkit/steps/search.js';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { userSearch, users } from '../src/scalekit/catalog.js';
import { performOf } from '../src/scalekit/perform-of.js';

// By email or external ID through Scalekit's user search; by ID at the user itself.
const byQuery = searchStep(userSearch, { key: 'find_user' });
const bySearch = performOf(byQuery);

const perform = (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> =>
  isGiven(bundle.inputData['id']) ? findRecords(z, bundle, users, { filters: [] }) : bySearch(z, bundle);

export default { ...byQuery, operation: { ...byQuery.operation, perform } };
