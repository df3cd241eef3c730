/**
 * What the app suites (test/app) expect of a step in the same way everywhere: that a run made
 * every request its nock scopes pin, the message a user reads when a step refuses its input, how
 * an ID field is offered, and the search by ID that every Find step has.
 */
import { expect, it } from '@jest/globals';
import nock from 'nock';
import { notFound, SIGNED } from './app-requests.js';
import { runAsProduction, runStep, type FlatRecord, type Input, type Step } from './app-suite.js';
import { API } from './bundle.js';
import { appErrorOf, type ErrorBody } from '../../packages/toolkit/test/support/errors.js';

/** What pins requests: a nock scope, or a set-up of several (such as the account's default lookups). */
type Pinned = Pick<nock.Scope, 'isDone'>;

/** Expects every request the scopes pin to have been made. */
const expectAllMade = (scopes: Pinned | Pinned[]): void => {
  const all = [scopes].flat();
  expect(all.map((scope) => scope.isDone())).toEqual(all.map(() => true));
};

/** Runs a trigger or search (`meta` as for `runStep`), and expects every request `scopes` pin to have been made. */
export const readThrough = async <T = FlatRecord[]>(scopes: Pinned | Pinned[], step: Step, input: Input = {}, meta = {}): Promise<T> => {
  const result = await runStep<T>(step, input, meta);
  expectAllMade(scopes);
  return result;
};

/** Runs a write with `input` as production delivers it, and expects every request `scopes` pin to have been made. */
export const writeThrough = async <T = FlatRecord>(scopes: Pinned | Pinned[], step: Step, input: Input): Promise<T> => {
  const result = await runAsProduction<T>(step, input);
  expectAllMade(scopes);
  return result;
};

/** What a dropdown shows of page `page` (Zapier counts from 0) of a list trigger read through `scope`: each record's ID and label. */
export const dropdownOf = async (scope: Pinned, step: Step, page = 0, input: Input = {}): Promise<[string, unknown][]> =>
  (await readThrough(scope, step, input, { page })).map((record) => [record.id, record['label']]);

/** What the user reads when a write step refuses `input`, delivered as production delivers it. */
export const refusalOf = (step: Step, input: Input): Promise<ErrorBody> => appErrorOf(runAsProduction(step, input));

/** What the user reads when a trigger or search refuses `input`. */
export const searchRefusalOf = (step: Step, input: Input = {}): Promise<ErrorBody> => appErrorOf(runStep(step, input));

/** The error of a write refused before any request, naming every problem found. */
export const nothingSent = (problems: string): ErrorBody => ({
  code: 'ValidationError',
  message: `Nothing was sent to ScopeStack: ${problems}`,
});

/** A refusal test: its name, the input, and the problems the message names. */
type RefusalCase = [name: string, input: Input, problems: string];

/**
 * One test per case: the write `step` refuses the case's input (as production delivers it)
 * before any request, naming the case's problems. `unsent`, when given, sets up a write that nock
 * would answer: it must be left unmade.
 */
export const itRefuses = (step: Step, cases: RefusalCase[], unsent?: () => nock.Scope): void => {
  it.each(cases)('%s', async (_name, input, problems) => {
    const write = unsent?.();
    expect(await refusalOf(step, input)).toEqual(nothingSent(problems));
    expect(write?.isDone() ?? false).toBe(false);
  });
};

/** The error of a search or trigger refused before any request. */
export const refused = (message: string): ErrorBody => ({ code: 'ValidationError', message });

/** The error of a search refused before any request, naming every problem found. */
export const nothingSearched = (problems: string): ErrorBody => refused(`Nothing was searched: ${problems}`);

/** The problem named when text that is not an ID (a name, the CRM's own ID) is mapped into the ID field `label`. */
export const notAnId = (label: string, got: string): string =>
  `${label} must be a ScopeStack ID, a whole number such as 1001 (got "${got}"). ` +
  'Pick one from the dropdown, or map the ID (not the name) from an earlier step.';

/** The ID field of a write as the Zap editor shows it: a dropdown fed by the list trigger `list`, with the Find step `find` beside it. */
export const pickedFrom = (list: string, find: string) => ({ dynamic: `${list}.id.label`, search: `${find}.id` });

interface FindById {
  /** The collection, such as `/example-it/v1/products`. */
  path: string;
  include?: string;
  id: string;
  /** ScopeStack's answer for record `id`, and the record the step returns for it. */
  answer: unknown;
  found: unknown;
  unknownId: string;
  ignoring?: Input;
}

/**
 * The search by ScopeStack ID of a Find step: one GET of record `id` (its includes asked for when
 * the step sideloads), which comes back as the one record found, whatever else the input holds
 * (`ignoring`); and one GET of `unknownId`, which ScopeStack does not have (404): found as none,
 * rather than failing the step.
 */
export const expectFindsById = async (
  step: Step,
  { path, include, id, answer, found, unknownId, ignoring = {} }: FindById,
): Promise<void> => {
  const get = (recordId: string) => {
    const interceptor = nock(API, { reqheaders: SIGNED }).get(`${path}/${recordId}`);
    return (include === undefined ? interceptor : interceptor.query({ include })).once();
  };
  const known = get(id).reply(200, answer);
  const unknown = get(unknownId).reply(404, notFound());
  await expect(runStep(step, { id, ...ignoring })).resolves.toEqual([found]);
  await expect(runStep(step, { id: unknownId })).resolves.toEqual([]);
  expect([known.isDone(), unknown.isDone()]).toEqual([true, true]);
};
