/**
 * A search over one resource: the API's filters narrow the list, then only exact matches are
 * kept (the API's name filters match partially), best first. No match is `[]`, never an error.
 */
import type { Bundle, PlainInputField, Search, ZObject } from 'zapier-platform-core';
import { listResources } from '../api-client.js';
import { appError, ErrorCode } from '../app-errors.js';
import { isGiven } from '../coerce.js';
import { apiNameFor, keyFor, labelFor } from '../field-names.js';
import { outputFieldsFor } from '../fields.js';
import { toRecords, type FlatRecord } from '../json-api.js';
import { DEFAULT_PAGE_SIZE, hasNextPage, pageParams } from '../paging.js';
import type { FilterSpec, ResourceSpec } from '../resource-spec.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

/** A partial name filter can match many records; past this many pages the search stops reading. */
export const MAX_SEARCH_PAGES = 5;

const normalise = (value: unknown): string => String(value ?? '').trim().toLowerCase();

const filterLabel = (filter: FilterSpec): string => filter.label ?? labelFor(filter.key);

const attributeKeyOf = (filter: FilterSpec): string => keyFor(filter.attribute ?? apiNameFor(filter.key));

/** Keeps records whose attribute equals every given value, ignoring case and outer spaces. */
export const exactMatches = (records: readonly FlatRecord[], given: ReadonlyArray<[FilterSpec, string]>): FlatRecord[] =>
  records.filter((record) => given.every(([filter, value]) => normalise(record[attributeKeyOf(filter)]) === normalise(value)));

const timeOf = (record: FlatRecord): number => Date.parse(String(record['updated_at'] ?? record['created_at'] ?? '')) || 0;

/**
 * Best first: same case as typed, then active records, then the most recently changed, so the
 * record a search-or-create step picks is the one a person would pick.
 */
export const rankMatches = (records: readonly FlatRecord[], given: ReadonlyArray<[FilterSpec, string]>): FlatRecord[] => {
  const sameCase = (record: FlatRecord) => given.every(([filter, value]) => String(record[attributeKeyOf(filter)] ?? '').trim() === value.trim());
  const score = (record: FlatRecord) => (sameCase(record) ? 2 : 0) + (record['active'] === false ? 0 : 1);
  return [...records].sort((a, b) => score(b) - score(a) || timeOf(b) - timeOf(a));
};

const filterInputFields = (filters: readonly FilterSpec[]): PlainInputField[] =>
  filters.map((filter) => ({
    key: filter.key,
    label: filterLabel(filter),
    type: 'string',
    required: false,
    helpText:
      filter.help ?? (filter.match === 'contains' ? 'Matches the whole value exactly, ignoring case.' : 'Matches exactly, ignoring case.'),
  }));

export const searchStep = <K extends string>(spec: ResourceSpec, options: StepOptions<K> & { filters: readonly FilterSpec[] }): Search<K> => {
  const by = options.filters.map((filter) => filterLabel(filter).toLowerCase()).join(' or ');
  const text = stepText.find(spec, by);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => {
    const given = options.filters
      .map((filter): [FilterSpec, string] => [filter, String(bundle.inputData[filter.key] ?? '')])
      .filter(([, value]) => isGiven(value.trim()));
    if (given.length === 0) {
      throw appError(z, {
        code: ErrorCode.Validation,
        message: `Enter ${options.filters.map(filterLabel).join(' or ')} to find ${spec.noun.toLowerCase()} by.`,
      });
    }
    const params: Record<string, string> = { ...spec.searchParams };
    for (const [filter, value] of given) params[filter.param] = value.trim();

    const found: FlatRecord[] = [];
    const size = spec.pageSize ?? DEFAULT_PAGE_SIZE;
    let unread = true;
    for (let page = 0; page < MAX_SEARCH_PAGES && unread; page += 1) {
      const document = await listResources(z, bundle, spec, { ...params, ...pageParams(page, size) });
      found.push(...exactMatches(toRecords(document, spec), given));
      unread = hasNextPage(document, page + 1);
    }
    if (found.length === 0 && unread) {
      // "Not found" here could be wrong, and a find-or-create step would then create a twin.
      throw appError(z, {
        code: ErrorCode.Validation,
        message:
          `More than ${MAX_SEARCH_PAGES * size} ${spec.noun.toLowerCase()} records partly match, and none of the first ones matches exactly. ` +
          `Search by a more specific value (${options.filters.map(filterLabel).join(' or ')}).`,
      });
    }
    return rankMatches(found, given);
  };

  return {
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: options.hidden ?? false },
    operation: {
      perform,
      inputFields: filterInputFields(options.filters),
      sample: { ...spec.sample },
      outputFields: outputFieldsFor(spec),
    },
  };
};
