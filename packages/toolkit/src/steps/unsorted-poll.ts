/**
 * A poll of a list the API cannot sort. Every record may be anywhere in it, so a poll reads it
 * whole, a request per page, up to a cap. When new records join the list at its end, each with
 * the time it joined (organizations, oldest first by creation), the first poll leaves a trail
 * (`page-trail.ts`) and the next starts at the page where the records of the day before the
 * previous poll begin, returning those that joined since: usually one request, whatever the size
 * of the list.
 *
 * Every read checks what this rests on, and reads from the first page when it does not hold: the
 * records come in the order they joined, the page a poll starts at still begins before that day
 * (records deleted before it move later ones onto earlier pages), and the service still takes the
 * cursor. A list out of order keeps no trail, so every poll reads it whole.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { listRecords } from '../api-client.js';
import { appErrorStatus } from '../app-errors.js';
import { clock } from '../clock.js';
import type { FlatRecord } from '../flat-record.js';
import { DEFAULT_PAGE_SIZE } from '../paging.js';
import type { ResourceSpec } from '../resource-spec.js';
import { scalarText } from '../text.js';
import type { Params } from '../wire-format.js';
import { keepTrail, loadTrail, startOf, type PageMark, type PageTrail } from './page-trail.js';

/** Most pages one poll reads; a longer list with a trail is read on across the next polls. */
export const MAX_UNSORTED_PAGES = 20;

/** What one poll read, from where it started. */
interface Read {
  readonly records: FlatRecord[];
  readonly marks: PageMark[];
  /** It reached the end of the list. */
  readonly complete: boolean;
  /** Every record joined the list no earlier than the one before it. */
  readonly inOrder: boolean;
}

export interface UnsortedList {
  readonly spec: ResourceSpec;
  readonly params: Params;
  /** The record key of the time a record joined the list, when records join at its end; none when they may join anywhere. */
  readonly addedKey?: string;
  /** Names the list in Zapier's cache: the trigger and its inputs. */
  readonly trailKey: string;
}

const addedAt = (record: FlatRecord | undefined, key: string | undefined): number =>
  key === undefined ? Number.NaN : Date.parse(scalarText(record?.[key]));

const readPages = async (z: ZObject, bundle: Bundle, list: UnsortedList, from: string | undefined): Promise<Read> => {
  const size = list.spec.pageSize ?? DEFAULT_PAGE_SIZE;
  const records: FlatRecord[] = [];
  const marks: PageMark[] = [];
  let cursor = from;
  let inOrder = true;
  for (let page = 0; page < MAX_UNSORTED_PAGES; page += 1) {
    const found = await listRecords(z, bundle, list.spec, list.params, { cursor, size });
    for (const record of found.records) {
      const time = addedAt(record, list.addedKey);
      inOrder &&= !Number.isNaN(time) && !(time < addedAt(records.at(-1), list.addedKey));
      records.push(record);
    }
    const first = addedAt(found.records[0], list.addedKey);
    if (!Number.isNaN(first)) marks.push({ ...(cursor === undefined ? {} : { cursor }), first });
    // A short page is the last, whatever cursor comes with it (some services hand one out on the last page too).
    if (!found.next || found.records.length < size) return { records, marks, complete: true, inOrder };
    cursor = found.next;
  }
  return { records, marks, complete: false, inOrder };
};

/** A read from the trail's start, or undefined when the service no longer takes its cursor (400). */
const readOn = async (z: ZObject, bundle: Bundle, list: UnsortedList, cursor: string | undefined): Promise<Read | undefined> => {
  try {
    return await readPages(z, bundle, list, cursor);
  } catch (error) {
    if (appErrorStatus(error) === 400) return undefined;
    throw error;
  }
};

/** The records of one poll; with `addedKey`, each poll leaves the trail the next starts from. */
export const pollUnsorted = async (z: ZObject, bundle: Bundle, list: UnsortedList): Promise<FlatRecord[]> => {
  if (list.addedKey === undefined) return (await readPages(z, bundle, list, undefined)).records;
  const startedAt = clock.now();
  const trail = await loadTrail(z, list.trailKey);
  // The poll that seeds Zapier's dedupe list reads from the first page: every record it returns is one not to fire for.
  if (trail && !bundle.meta.isPopulatingDedupe) {
    const start = startOf(trail);
    const read = await readOn(z, bundle, list, start.cursor);
    const startsBefore = start.index === 0 || addedAt(read?.records[0], list.addedKey) < start.since;
    if (read?.inOrder && startsBefore) {
      await keepTrail(z, list.trailKey, {
        polledAt: read.complete ? startedAt : trail.polledAt,
        pages: [...trail.pages.slice(0, start.index), ...read.marks],
      });
      // A sample shows the newest records there are, new or not.
      if (bundle.meta.isLoadingSample) return read.records;
      return read.records.filter((record) => addedAt(record, list.addedKey) >= start.since);
    }
    z.console.log(
      `${list.spec.requester.service}'s ${list.spec.path} has changed since the last poll read it (its order, records deleted, or a page token it no longer takes): reading from the first page.`,
    );
  }
  const read = await readPages(z, bundle, list, undefined);
  const kept: PageTrail | undefined = read.inOrder
    ? { polledAt: read.complete ? startedAt : (trail?.polledAt ?? startedAt), pages: read.marks }
    : undefined;
  await keepTrail(z, list.trailKey, kept);
  return read.records;
};
