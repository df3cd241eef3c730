import type { JsonObject } from '../json.js';
import type { State, StoredRecord } from '../store.js';

const START = Date.UTC(2025, 0, 6, 15, 0, 0);
const HOUR = 3600 * 1000;

function emptyState(): State {
  return {
    version: 1,
    records: {},
    sequences: {},
    identities: [],
    credentials: [],
    accountClients: [],
    accessTokens: [],
    refreshTokens: [],
  };
}

/** ISO timestamp `hours` after the seed epoch (2025-01-06T15:00Z). */
export function seedTime(hours: number): string {
  return new Date(START + hours * HOUR).toISOString();
}

/**
 * Adds seed records with fixed ids. Each record is stamped 7 hours after the previous one, so
 * created-at order follows insertion order and no two records share a timestamp; updated-at is
 * two hours later unless given.
 */
export class SeedBuilder {
  readonly state: State = emptyState();
  private tick = 0;

  add(
    type: string,
    id: string,
    accountId: number,
    attributes: JsonObject,
    links: Record<string, string | null> = {},
    options: { updatedAfterHours?: number; internal?: JsonObject } = {},
  ): StoredRecord {
    this.tick += 1;
    const createdHours = this.tick * 7;
    const record: StoredRecord = {
      id,
      type,
      accountId,
      attributes: {
        ...attributes,
        'created-at': seedTime(createdHours),
        'updated-at': seedTime(createdHours + (options.updatedAfterHours ?? 2)),
      },
      links,
      internal: options.internal ?? {},
    };
    const list = this.state.records[type] ?? [];
    list.push(record);
    this.state.records[type] = list;
    this.state.sequences[type] = Math.max(this.state.sequences[type] ?? 0, Number(id));
    return record;
  }

  /** Records of a type created later get ids after `lastId` (for types with nothing seeded). */
  startIdsAfter(type: string, lastId: number): void {
    this.state.sequences[type] = Math.max(this.state.sequences[type] ?? 0, lastId);
  }
}
