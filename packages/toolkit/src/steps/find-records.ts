/**
 * Finding records the way a person would: by ID (one GET; a 404 is "none"), or by each given
 * value in turn ("by name or domain"), where the API's filter narrows the list and only exact
 * matches are kept (name filters match partially on the server), best first. Optional narrowing
 * values (a project's client) must all match too. Shared by searches and create-or-update steps.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { findRecord, listRecords } from '../api-client.js';
import { appError, ErrorCode } from '../app-errors.js';
import { isGiven } from '../coerce.js';
import { apiNameFor, keyFor, labelFor, inSentence } from '../field-names.js';
import { dropdownRef } from '../fields.js';
import type { FlatRecord } from '../flat-record.js';
import { DEFAULT_PAGE_SIZE } from '../paging.js';
import { checkId } from '../record-id.js';
import { finished } from '../records.js';
import type { FilterSpec, ResourceSpec } from '../resource-spec.js';
import { hasTemplateSyntax } from '../template-syntax.js';
import { isScalar, scalarText } from '../text.js';

/** A partial name filter can match many records; past this many pages the search stops reading. */
const MAX_SEARCH_PAGES = 5;

/** A filter that every match must also pass, on a related record's ID (a project's client). */
export interface NarrowSpec extends FilterSpec {
  /** Hidden trigger feeding the field's dropdown. */
  readonly dropdown?: string;
  /** Search step that can find the related record. */
  readonly search?: string;
}

export interface FindOptions {
  readonly filters: readonly FilterSpec[];
  readonly narrow?: readonly NarrowSpec[];
}

/** The key of the "find by ID" input every search has. */
const ID_INPUT = 'id';

const normalise = (value: unknown): string => scalarText(value).trim().toLowerCase();

export const filterLabel = (filter: FilterSpec): string => filter.label ?? labelFor(filter.key);

const attributeKeyOf = (filter: FilterSpec): string => keyFor(filter.attribute ?? apiNameFor(filter.key));

/** Another system's IDs keep their case (a CRM's IDs can differ only in case); other values match ignoring it. */
const exactMatches = (records: readonly FlatRecord[], filter: FilterSpec, value: string): FlatRecord[] => {
  const comparable = filter.externalId ? (text: unknown) => scalarText(text).trim() : normalise;
  return records.filter((record) => comparable(record[attributeKeyOf(filter)]) === comparable(value));
};

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

/** The input fields of a find: the values to find by, the narrowing ones, and the ID. */
export const findInputFields = (spec: ResourceSpec, options: FindOptions): PlainInputField[] => [
  ...options.filters.map((filter): PlainInputField => ({
    key: filter.key,
    label: filterLabel(filter),
    type: 'string',
    required: false,
    helpText: filter.help ?? 'Matches the whole value exactly, ignoring case.',
    ...(filter.externalId ? { meta: { externalId: true } } : {}),
  })),
  ...(options.narrow ?? []).map((narrow): PlainInputField => ({
    key: narrow.key,
    label: filterLabel(narrow),
    type: 'string',
    required: false,
    helpText: narrow.help ?? `Only ${inSentence(spec.noun)} records of this ${inSentence(filterLabel(narrow))} match.`,
    ...(narrow.dropdown ? { dynamic: dropdownRef(narrow.dropdown) } : {}),
    ...(narrow.search ? { search: `${narrow.search}.id` } : {}),
  })),
  {
    key: ID_INPUT,
    label: `${spec.noun} ID`,
    type: 'string',
    required: false,
    helpText: `Finds the ${inSentence(spec.noun)} with this ${spec.requester.service} ID (${spec.requester.recordId.description}); the other fields are then ignored.`,
  },
];

const invalid = (z: ZObject, problems: readonly string[]): Error =>
  appError(z, { code: ErrorCode.Validation, message: `Nothing was searched: ${problems.join(' ')}` });

/** The narrowing parameters, each value checked as an ID. */
const narrowParams = (z: ZObject, spec: ResourceSpec, narrow: readonly NarrowSpec[], bundle: Bundle): Record<string, string> => {
  const params: Record<string, string> = {};
  const problems: string[] = [];
  for (const filter of narrow) {
    const value = bundle.inputData[filter.key];
    if (!isGiven(value)) continue;
    const check = checkId(spec.requester, filterLabel(filter), value);
    if (check.ok) params[filter.param] = check.id;
    else problems.push(check.problem);
  }
  if (problems.length > 0) throw invalid(z, problems);
  return params;
};

/** Exact matches of one filter, reading pages until the API has no more; `complete` is false when the cap stopped it. */
const matchesOf = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  params: Record<string, string>,
  filter: FilterSpec,
  value: string,
) => {
  const size = spec.pageSize ?? DEFAULT_PAGE_SIZE;
  const matches: FlatRecord[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_SEARCH_PAGES; page += 1) {
    const { records, next } = await listRecords(z, bundle, spec, params, { cursor, size });
    matches.push(
      ...exactMatches(
        records.map((record) => finished(spec, record, z)),
        filter,
        value,
      ),
    );
    cursor = next;
    if (!cursor) break;
  }
  return { matches, complete: !cursor };
};

/** The query of each read a search makes: one, or one per value of the spec's `searchEach` filter. */
const searchQueries = (spec: ResourceSpec, params: Record<string, string>): Record<string, string>[] => {
  const each = spec.searchEach;
  return each ? each.values.map((value) => ({ ...params, [each.param]: value })) : [params];
};

/** Exact matches of one filter's value, from the first query that has any. */
const firstMatches = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  params: Record<string, string>,
  filter: FilterSpec,
  value: string,
) => {
  let complete = true;
  for (const query of searchQueries(spec, params)) {
    const filtered = await matchesOf(z, bundle, spec, { ...query, [filter.param]: value }, filter, value);
    // A case-sensitive server filter misses "acme sow" for "Acme SOW": then compare every record ignoring case.
    const found =
      filtered.matches.length === 0 && filter.match === 'exact-case-sensitive'
        ? await matchesOf(z, bundle, spec, query, filter, value)
        : filtered;
    if (found.matches.length > 0) return found;
    complete &&= found.complete;
  }
  return { matches: [], complete };
};

/** Finds by ID, else by the first given value that matches; `[]` when none does. */
export const findRecords = async (z: ZObject, bundle: Bundle, spec: ResourceSpec, options: FindOptions): Promise<FlatRecord[]> => {
  const input = bundle.inputData;
  if (isGiven(input[ID_INPUT])) {
    const check = checkId(spec.requester, `${spec.noun} ID`, input[ID_INPUT]);
    if (!check.ok) throw invalid(z, [check.problem]);
    const found = await findRecord(z, bundle, spec, check.id);
    return found ? [finished(spec, found, z)] : [];
  }
  const { filters } = options;
  const notText = filters.filter((filter) => isGiven(input[filter.key]) && !isScalar(input[filter.key]));
  if (notText.length > 0) {
    throw invalid(
      z,
      notText.map((filter) => `${filterLabel(filter)} must be one value, not a list or an object (map one field of it instead).`),
    );
  }
  const given = filters.map((filter) => ({ filter, value: scalarText(input[filter.key]).trim() })).filter(({ value }) => value !== '');
  const templated = given.filter(({ value }) => hasTemplateSyntax(value));
  if (templated.length > 0) {
    throw invalid(
      z,
      templated.map(
        ({ filter }) =>
          `${filterLabel(filter)} cannot hold text in double curly braces ({{…}}): Zapier removes it from a search. Search by the rest of the value, or by another field.`,
      ),
    );
  }
  const labels = filters.map(filterLabel);
  if (given.length === 0) {
    throw appError(z, { code: ErrorCode.Validation, message: `Enter ${labels.join(' or ')} to find ${inSentence(spec.noun)} by.` });
  }
  const params = { ...spec.searchParams, ...narrowParams(z, spec, options.narrow ?? [], bundle) };
  let incomplete = false;
  for (const { filter, value } of given) {
    const { matches, complete } = await firstMatches(z, bundle, spec, params, filter, value);
    if (matches.length > 0) return rankMatches(matches, filter, value);
    incomplete ||= !complete;
  }
  if (incomplete) {
    // "Not found" could be wrong here, and a find-or-create step would then create a twin.
    throw appError(z, {
      code: ErrorCode.Validation,
      message:
        `More than ${MAX_SEARCH_PAGES * (spec.pageSize ?? DEFAULT_PAGE_SIZE)} ${inSentence(spec.noun)} records partly match, ` +
        `and none of the first ones matches exactly. Search by a more specific value (${labels.join(' or ')}).`,
    });
  }
  return [];
};
