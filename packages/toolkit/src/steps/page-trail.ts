/**
 * What a poll of an oldest-first list remembers between polls, in Zapier's cache for the
 * connection: when it last read to the end of the list, and for each page the cursor that asks for
 * it and the creation time of its first record. The next poll starts at the last page that begins
 * before that time less a day, so it reads the pages that can hold new records, not all of them.
 *
 * Zapier's cache is a service of Zapier's own (`z.cache`); where it is not there (a local run, an
 * outage), a poll has no trail and reads from the first page, as it would without one.
 */
import type { ZObject } from 'zapier-platform-core';

/** One page as a poll last read it. */
export interface PageMark {
  /** The cursor that asks for the page; none for the first. */
  readonly cursor?: string;
  /** Its first record's creation time (ms since the epoch). */
  readonly first: number;
}

export interface PageTrail {
  /** When the poll that last read to the end of the list started (ms since the epoch). */
  readonly polledAt: number;
  readonly pages: readonly PageMark[];
}

/** Where a poll starts: the page at `index` of the trail, and the creation time from which its records are new. */
export interface PollStart {
  readonly index: number;
  readonly cursor?: string;
  readonly since: number;
}

/**
 * How far before the previous poll a poll looks: longer than Zapier leaves a running Zap between
 * two polls, so a record created while the previous poll was reading is not passed over.
 */
export const LOOK_BACK_MS = 24 * 60 * 60 * 1000;

/** A trail is kept a week: a Zap that has not polled for longer reads from the first page again. */
const TRAIL_TTL_SECONDS = 7 * 24 * 60 * 60;

/** The trail is the connection's (`auth`), so one account's cursors never reach another's poll. */
const SCOPE = ['auth'];

/** `z.cache` as core runs it: its types leave out the scope that `get` and `delete` take, as `set` does. */
interface ScopedCache {
  get(key: string, scope: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttl: number, scope: string[]): Promise<unknown>;
  delete(key: string, scope: string[]): Promise<unknown>;
}

const cacheOf = (z: ZObject): ScopedCache => z.cache;

const isMark = (value: unknown): value is PageMark =>
  typeof value === 'object' &&
  value !== null &&
  Number.isFinite((value as PageMark).first) &&
  ['string', 'undefined'].includes(typeof (value as PageMark).cursor);

const isTrail = (value: unknown): value is PageTrail =>
  typeof value === 'object' &&
  value !== null &&
  Number.isFinite((value as PageTrail).polledAt) &&
  Array.isArray((value as PageTrail).pages) &&
  (value as PageTrail).pages.every(isMark);

/** The trail of the list `key` names, or none (nothing kept, an unreadable value, or no cache here). */
export const loadTrail = async (z: ZObject, key: string): Promise<PageTrail | undefined> => {
  try {
    const kept: unknown = await cacheOf(z).get(key, SCOPE);
    return isTrail(kept) ? kept : undefined;
  } catch {
    return undefined;
  }
};

/** Keeps the trail for the next poll, or forgets it (`undefined`); without a cache, the next poll reads from the first page. */
export const keepTrail = async (z: ZObject, key: string, trail: PageTrail | undefined): Promise<void> => {
  try {
    const cache = cacheOf(z);
    await (trail ? cache.set(key, trail, TRAIL_TTL_SECONDS, SCOPE) : cache.delete(key, SCOPE));
  } catch {
    // No cache: nothing to keep, and the next poll costs what a first poll does.
  }
};

/** The last page of the trail that begins before `since` (its records before it are old), else the first page. */
export const startOf = (trail: PageTrail): PollStart => {
  const since = trail.polledAt - LOOK_BACK_MS;
  const index = trail.pages.findLastIndex((page) => page.first < since);
  if (index <= 0) return { index: 0, since };
  const { cursor } = trail.pages[index] ?? {};
  return { index, since, ...(cursor === undefined ? {} : { cursor }) };
};
