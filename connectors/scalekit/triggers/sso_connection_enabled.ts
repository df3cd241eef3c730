import type { FlatRecord } from 'connector-toolkit/flat-record.js';
import { pollingTrigger } from 'connector-toolkit/steps/polling-trigger.js';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { performOf } from '../src/scalekit/perform-of.js';
import { connections } from '../src/scalekit/catalog.js';

const polled = pollingTrigger(connections, {
  key: 'sso_connection_enabled',
  label: 'SSO Connection Enabled',
  description:
    "Triggers when an organization's SSO connection is set up and enabled, so that its users can sign in with their identity provider. One request per check.",
  sort: '',
  // A connection fires once per setup: its ID with its status and whether it is enabled.
  change: { versionBy: ['status', 'enabled'], idKey: 'connection_id' },
});

const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => {
  const found = await performOf(polled)(z, bundle);
  return found.filter((connection) => connection['enabled'] === true && connection['status'] === 'COMPLETED');
};

export default { ...polled, operation: { ...polled.operation, perform } };
