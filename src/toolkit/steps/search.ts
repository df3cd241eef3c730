/**
 * A search over one resource. Each given search field is tried in the spec's order, and the first
 * that matches wins ("by name or domain"): the API's filter narrows the list, then only exact
 * matches are kept (name filters match partially on the server), best first. No match is `[]`.
 */
import { defineSearch, type Bundle, type PlainInputField, type Search, type ZObject } from 'zapier-platform-core';
import { listResources } from '../api-client.js';
import { appError, ErrorCode } from '../app-errors.js';
import { isGiven } from '../coerce.js';
import { apiNameFor, keyFor, labelFor } from '../field-names.js';
import { outputFieldsFor } from '../fields.js';
import { toRecords, type FlatRecord } from '../json-api.js';
import { DEFAULT_PAGE_SIZE, hasNextPage, pageParams } from '../paging.js';
import type { FilterSpec, ResourceSpec } from '../resource-spec.js';
import { isScalar, scalarText } from '../text.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

/** A partial name filter can match many records; past this many pages the search stops reading. */
const MAX_SEARCH_PAGES = 5;

const normalise = (value: unknown): string => scalarText(value).trim().toLowerCase();

const filterLabel = (filter: FilterSpec): string => filter.label ?? labelFor(filter.key);

const attributeKeyOf = (filter: FilterSpec): string => keyFor(filter.attribute ?? apiNameFor(filter.key));

/** Keeps records whose attribute equals the value, ignoring case and outer spaces. */
const exactMatches = (records: readonly FlatRecord[], filter: FilterSpec, value: string): FlatRecord[] =>
  records.filter((record) => normalise(record[attributeKeyOf(filter)]) === normalise(value));

const timeOf = (record: FlatRecord): number => Date.parse(scalarText(record['updated_at'] ?? record['created_at'])) || 0;

/**
 * Best first: active records, then the same case as typed, then the most recently changed, so
 * the record a search-or-create step picks is the one a person would pick.
 */
const rankMatches = (records: readonly FlatRecord[], filter: FilterSpec, value: string): FlatRecord[] => {
  const score = (record: FlatRecord) =>
    (record['active'] === false ? 0 : 2) + (scalarText(record[attributeKeyOf(filter)]).trim() === value.trim() ? 1 : 0);
  return [...records].sort((a, b) => score(b) - score(a) || timeOf(b) - timeOf(a));
};

const filterInputFields = (filters: readonly FilterSpec[]): PlainInputField[] =>
  filters.map((filter) => ({
    key: filter.key,
    label: filterLabel(filter),
    type: 'string',
    required: false,
    helpText: filter.help ?? 'Matches the whole value exactly, ignoring case.',
  }));

/** Exact matches of one filter, reading pages until the API has no more; `complete` is false when the cap stopped it. */
const matchesOf = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, filter: FilterSpec, value: string) => {
  const params = { ...spec.searchParams, [filter.param]: value };
  const size = spec.pageSize ?? DEFAULT_PAGE_SIZE;
  const matches: FlatRecord[] = [];
  let more = true;
  for (let page = 0; page < MAX_SEARCH_PAGES && more; page += 1) {
    const document = await listResources(z, bundle, spec, { ...params, ...pageParams(page, size) });
    matches.push(...exactMatches(toRecords(document, spec), filter, value));
    more = hasNextPage(document, page + 1);
  }
  return { matches, complete: !more };
};

export const searchStep = <K extends string>(
  spec: ResourceSpec,
  options: StepOptions<K> & { filters?: readonly FilterSpec[] },
): Search<K> => {
  const filters = options.filters ?? spec.filters ?? [];
  const labels = filters.map(filterLabel);
  const text = stepText.find(spec, labels.map((label) => label.toLowerCase()).join(' or '));

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => {
    const notText = filters.filter((filter) => isGiven(bundle.inputData[filter.key]) && !isScalar(bundle.inputData[filter.key]));
    if (notText.length > 0) {
      const problems = notText.map(
        (filter) => `${filterLabel(filter)} must be one value, not a list or an object (map one field of it instead).`,
      );
      throw appError(z, { code: ErrorCode.Validation, message: `Nothing was searched: ${problems.join(' ')}` });
    }
    const given = filters
      .map((filter) => ({ filter, value: scalarText(bundle.inputData[filter.key]).trim() }))
      .filter(({ value }) => value !== '');
    if (given.length === 0) {
      throw appError(z, { code: ErrorCode.Validation, message: `Enter ${labels.join(' or ')} to find ${spec.noun.toLowerCase()} by.` });
    }
    let incomplete = false;
    for (const { filter, value } of given) {
      const { matches, complete } = await matchesOf(z, bundle, spec, filter, value);
      if (matches.length > 0) return rankMatches(matches, filter, value);
      incomplete ||= !complete;
    }
    if (incomplete) {
      // "Not found" could be wrong here, and a find-or-create step would then create a twin.
      throw appError(z, {
        code: ErrorCode.Validation,
        message:
          `More than ${MAX_SEARCH_PAGES * (spec.pageSize ?? DEFAULT_PAGE_SIZE)} ${spec.noun.toLowerCase()} records partly match, ` +
          `and none of the first ones matches exactly. Search by a more specific value (${labels.join(' or ')}).`,
      });
    }
    return [];
  };

  return defineSearch({
    key: options.key,
    noun: spec.noun,
    display: { label: options.label ?? text.label, description: options.description ?? text.description, hidden: options.hidden ?? false },
    operation: {
      perform,
      inputFields: filterInputFields(filters),
      sample: { ...spec.sample },
      outputFields: outputFieldsFor(spec),
    },
  });
};
