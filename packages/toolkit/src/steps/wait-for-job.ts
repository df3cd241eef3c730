/**
 * After a create that starts a job on the service (a document being generated): wait, within
 * Zapier's time limit for one step, for the job to end, reading the record back with growing
 * pauses; then return it either way, with a message that says honestly what happened.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { findRecord } from '../api-client.js';
import { clock } from '../clock.js';
import { keyFor } from '../field-names.js';
import type { OutputField } from '../fields.js';
import type { FlatRecord } from '../flat-record.js';
import { finished } from '../records.js';
import type { ResourceSpec } from '../resource-spec.js';
import { budgetAllows } from '../step-budget.js';
import { scalarText } from '../text.js';

/**
 * Pauses between reads: a job ready after 1 s costs 1 read, after 5 s 3 reads, and the wait ends
 * after 19 s. With the write and the reads, a step stays well inside Zapier's 30 seconds.
 */
export const WAIT_PAUSES_MS = [1000, 2000, 3000, 5000, 8000] as const;

export interface WaitSpec {
  /** Attribute that tells how the job is going (`status`). */
  readonly status: string;
  /**
   * What to tell the user for each final status, and `pending` for a job still running when the
   * wait ends. `{key}` is replaced by the record's value (`{error_text}`).
   */
  readonly messages: Readonly<Record<string, string>> & { readonly pending: string };
}

const OUTCOME_KEY = 'outcome';

export const outcomeField: OutputField = { key: OUTCOME_KEY, label: 'What Happened' };

const finalStatuses = (wait: WaitSpec): Set<string> => new Set(Object.keys(wait.messages).filter((status) => status !== 'pending'));

/** The record with the message for its status (`pending` when it has not ended). */
export const withOutcome = (record: FlatRecord, wait: WaitSpec): FlatRecord => {
  const status = scalarText(record[keyFor(wait.status)]);
  const template = finalStatuses(wait).has(status) ? (wait.messages[status] ?? '') : wait.messages.pending;
  const message = template.replace(/\{(\w+)\}/g, (_match, key: string) => scalarText(record[key]) || 'no reason given');
  return { ...record, [OUTCOME_KEY]: message };
};

export const waitForJob = async (
  z: ZObject,
  bundle: Bundle,
  spec: ResourceSpec,
  created: FlatRecord,
  wait: WaitSpec,
): Promise<FlatRecord> => {
  const finals = finalStatuses(wait);
  const statusKey = keyFor(wait.status);
  let record = created;
  for (const pause of WAIT_PAUSES_MS) {
    // The step's time budget ends the wait early when a pause and a read no longer fit in it.
    if (finals.has(scalarText(record[statusKey])) || !budgetAllows(pause)) break;
    await clock.sleep(pause);
    try {
      const found = await findRecord(z, bundle, spec, record.id);
      if (found) record = finished(spec, found, z);
    } catch {
      // The job exists: a failed read must not fail the step, or a retry would start a second job.
      // What was created is returned as still running, and said so; the trigger on finished jobs reports the rest.
      const pending = withOutcome(record, wait);
      return { ...pending, [OUTCOME_KEY]: `${scalarText(pending[OUTCOME_KEY])} (Its status could not be read just now.)` };
    }
  }
  return withOutcome(record, wait);
};
