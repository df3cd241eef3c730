/**
 * A polling trigger over one resource, newest first. Zapier deduplicates on `id`: a trigger on new
 * records returns them as they are; a trigger on changes (`change`) gives each record the ID of
 * its version (`<id>@<updated_at>`), so every change fires once and a poll that sees no change
 * fires nothing, while the record's own ID stays in its own field.
 *
 * One page is one request, and one page is what a poll usually costs. When every record of a
 * page changed within the last hour (a burst bigger than a page between two polls), the next
 * page is read too, up to a few pages, so that a burst is not cut off at the page size. Sample
 * loads read one page; a poll that seeds Zapier's dedupe list reads as many as allowed. A list
 * the API cannot sort is read whole, or on from where the previous poll left it (`unsorted-poll.ts`).
 */
import { defineTrigger, type Bundle, type PlainInputField, type Trigger, type ZObject } from 'zapier-platform-core';
import { listRecords } from '../api-client.js';
import { appError, ErrorCode } from '../app-errors.js';
import { coerceValue, isGiven } from '../coerce.js';
import { customOutputFields } from '../custom-fields.js';
import { keyFor } from '../field-names.js';
import { outputFieldsFor, type OutputField } from '../fields.js';
import type { FlatRecord } from '../flat-record.js';
import { DEFAULT_PAGE_SIZE } from '../paging.js';
import { finished } from '../records.js';
import type { ResourceSpec } from '../resource-spec.js';
import { scalarText } from '../text.js';
import { pollUnsorted } from './unsorted-poll.js';
import type { StepOptions } from './step-options.js';
import { stepText } from './step-text.js';

/** Most pages one poll reads during a burst. */
const MAX_POLL_PAGES = 5;
/** A page whose oldest record changed this recently may have more changes behind it. */
const BURST_WINDOW_MS = 60 * 60 * 1000;

/** An input that narrows what the trigger watches, sent as one query parameter. */
interface PollInput {
  readonly key: string;
  readonly label: string;
  /** Query parameter; several chosen values are sent comma-separated (the API's "or"). */
  readonly param: string;
  readonly help: string;
  readonly required?: boolean;
  readonly list?: boolean;
  readonly choices?: Readonly<Record<string, string>>;
  /** Sent when nothing is chosen. */
  readonly fallback?: string;
}

interface ChangeOptions {
  /** Attributes whose values make a version: a change of any of them fires again (`updated-at`). */
  readonly versionBy: readonly string[];
  /** Key that keeps the record's own ID (`project_id`). */
  readonly idKey: string;
}

export interface PollingOptions<K extends string> extends StepOptions<K> {
  /** Newest first; default the resource's `newestFirst`, else `-created-at`. */
  readonly sort?: string;
  readonly change?: ChangeOptions;
  readonly inputs?: readonly PollInput[];
  /**
   * For a list the API cannot sort: the attribute that says when a record joined it, when new
   * records join at its end (organizations listed oldest first by `create_time`). Polls then read
   * on from where the last one left the list; without it, each poll reads the whole list.
   */
  readonly addedAtEndBy?: string;
  /** Records without a value for these attributes are left out (projects with no opportunity). */
  readonly present?: readonly string[];
}

/** `-updated-at` -> `updated_at`, `-create_time` -> `create_time`: the timestamp a newest-first sort orders by, if it is one. */
const sortTimestampKey = (sort: string): string | undefined =>
  /^-[a-z][\w-]*[-_](at|time)$/i.test(sort) ? keyFor(sort.slice(1)) : undefined;

/** An ISO-8601 date-time, in any of its spellings (offset, fraction). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A version names the instant, not its spelling: `…T10:00:00+02:00` and `…T08:00:00.000Z` are one version. */
const versionPart = (value: unknown): string => {
  const text = scalarText(value);
  const time = DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? text : new Date(time).toISOString();
};

const versionOf = (record: FlatRecord, change: ChangeOptions): FlatRecord => ({
  ...record,
  [change.idKey]: record.id,
  id: [record.id, ...change.versionBy.map((name) => versionPart(record[keyFor(name)]))].join('@'),
});

/** Records added between the page reads of one poll push others onto the next page: each ID once, as first read. */
const onceEach = (records: readonly FlatRecord[]): FlatRecord[] => {
  const seen = new Set<string>();
  return records.filter((record) => !seen.has(record.id) && Boolean(seen.add(record.id)));
};

const invalidPoll = (z: ZObject, message: string): Error => appError(z, { code: ErrorCode.Validation, message });

const inputParams = (z: ZObject, inputs: readonly PollInput[], bundle: Bundle): Record<string, string> => {
  const params: Record<string, string> = {};
  for (const input of inputs) {
    // A field the user cleared arrives as '' or []: that is "nothing chosen" too.
    const given: unknown = bundle.inputData[input.key];
    const coerced = coerceValue('list', isGiven(given) ? given : (input.fallback ?? ''));
    const accepted = input.choices ? `: one or more of ${Object.keys(input.choices).join(', ')}` : '';
    if (!coerced.ok) throw invalidPoll(z, `${input.label} has a value that is not accepted${accepted}.`);
    const values = coerced.value as string[];
    if (values.length === 0) {
      if (input.required) throw invalidPoll(z, `${input.label} is required.`);
      continue;
    }
    if (input.choices && values.some((item) => !Object.hasOwn(input.choices ?? {}, item))) {
      throw invalidPoll(z, `${input.label} has a value that is not accepted${accepted}.`);
    }
    params[input.param] = values.join(',');
  }
  return params;
};

const inputFieldOf = (input: PollInput): PlainInputField => ({
  key: input.key,
  label: input.label,
  type: 'string',
  required: input.required ?? false,
  helpText: input.help,
  ...(input.list ? { list: true } : {}),
  ...(input.choices ? { choices: { ...input.choices } } : {}),
});

/** Records sorted here, newest first by their timestamp, for an API that cannot sort. */
const newestFirst = (records: readonly FlatRecord[], timestampKey: string): FlatRecord[] =>
  [...records].sort((a, b) => (Date.parse(scalarText(b[timestampKey])) || 0) - (Date.parse(scalarText(a[timestampKey])) || 0));

export const pollingTrigger = <K extends string>(spec: ResourceSpec, options: PollingOptions<K>): Trigger<K> => {
  const text = stepText.newRecord(spec);
  const sort = options.sort ?? spec.newestFirst ?? '-created-at';
  const timestampKey = sortTimestampKey(sort);
  const inputs = options.inputs ?? [];
  // A list the API cannot sort, watched for new records: read whole, or on from where the last poll left it.
  const unsorted = !spec.requester.format.sortParam && spec.requester.format.paging !== 'none' && !options.change;
  const addedKey = options.addedAtEndBy === undefined ? undefined : keyFor(options.addedAtEndBy);

  const perform = async (z: ZObject, bundle: Bundle): Promise<FlatRecord[]> => {
    const { sortParam } = spec.requester.format;
    const params = { ...(sortParam ? { [sortParam]: sort } : {}), ...inputParams(z, inputs, bundle) };
    const limit = bundle.meta.limit > 0 ? bundle.meta.limit : undefined;
    const size = Math.min(limit ?? Number.POSITIVE_INFINITY, spec.pageSize ?? DEFAULT_PAGE_SIZE);
    const mayReadMore = !bundle.meta.isLoadingSample && limit === undefined;
    const read = async (): Promise<FlatRecord[]> => {
      // Its newest records may be on any page, most likely its last: a sample too reads on, whatever the limit.
      if (unsorted) {
        const trailKey = `poll:${options.key}:${JSON.stringify(Object.entries(bundle.inputData).sort())}`;
        return pollUnsorted(z, bundle, { spec, params, trailKey, ...(addedKey ? { addedKey } : {}) });
      }
      const records: FlatRecord[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_POLL_PAGES; page += 1) {
        const { records: found, next } = await listRecords(z, bundle, spec, params, { cursor, size });
        records.push(...found);
        const oldest = timestampKey ? Date.parse(scalarText(found.at(-1)?.[timestampKey])) : Number.NaN;
        const burst = Date.now() - oldest < BURST_WINDOW_MS;
        // Unsorted pages say nothing about what follows: every page is read, up to the cap.
        const enough = sortParam ? found.length < size || !(bundle.meta.isPopulatingDedupe || burst) : false;
        if (!mayReadMore || !next || enough) break;
        cursor = next;
      }
      return records;
    };
    const records = (await read()).map((record) => finished(spec, record, z));
    const present = (options.present ?? []).map(keyFor);
    const newest = sortParam || !timestampKey ? records : newestFirst(records, timestampKey);
    const kept = onceEach(newest).filter((record) => present.every((key) => isGiven(record[key])));
    const { change } = options;
    return change ? kept.map((record) => versionOf(record, change)) : kept;
  };

  const idFields: OutputField[] = options.change
    ? [
        { key: 'id', label: `${spec.noun} Version ID` },
        { key: options.change.idKey, label: `${spec.noun} ID` },
      ]
    : [];
  const outputFields = [...idFields, ...outputFieldsFor(spec).filter((field) => !(options.change && field.key === 'id'))];
  const sample = options.change ? versionOf({ ...spec.sample, id: scalarText(spec.sample['id']) }, options.change) : { ...spec.sample };

  return defineTrigger({
    key: options.key,
    noun: spec.noun,
    display: {
      label: options.label ?? text.label,
      description: options.description ?? text.description,
      hidden: options.hidden ?? false,
    },
    operation: {
      type: 'polling',
      perform,
      ...(inputs.length > 0 ? { inputFields: inputs.map(inputFieldOf) } : {}),
      sample,
      outputFields: [...outputFields, ...customOutputFields(spec)],
    },
  });
};
