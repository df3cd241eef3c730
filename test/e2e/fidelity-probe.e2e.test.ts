/**
 * The fidelity probe `npm start` runs after its workflow: every read element the ledger still
 * marks as a guess is tried once, read-only, and the strict sandbox (which refuses what no
 * public client sends) answers as a jsonapi-resources server would.
 */
import { DEPENDENT_STEPS, fidelityProbe, guessedReads, queryOf } from '../../bin/fidelity-probe.js';
import { UNPROVEN_FILTERS, UNPROVEN_SORTS } from '../../sandbox/resources/strict-profile.js';
import { useSandbox } from './sandbox-harness.js';

const context = useSandbox();

describe('the fidelity probe', () => {
  it('names, for every guessed read element, steps of the app that depend on it', () => {
    const app = context.App as Record<'triggers' | 'searches' | 'creates', Record<string, unknown>>;
    const stepKeys = new Set([...Object.keys(app.triggers), ...Object.keys(app.searches), ...Object.keys(app.creates)]);
    expect(Object.keys(DEPENDENT_STEPS).sort()).toEqual(guessedReads().sort());
    expect(
      Object.values(DEPENDENT_STEPS)
        .flat()
        .filter((key) => !stepKeys.has(key)),
    ).toEqual([]);
  });

  it('sends each element as it is, with a real-looking value for a filter graded whatever its value', () => {
    expect(queryOf('sort=-default,name')).toEqual({ sort: '-default,name' });
    expect(queryOf('filter[active]=true,false')).toEqual({ 'filter[active]': 'true,false' });
    expect(queryOf('filter[status]')).toEqual({ 'filter[status]': 'finished' });
    expect(queryOf('include=project-subservices')).toEqual({ include: 'project-subservices' });
  });

  it('tries each once with GET, page size 1, and reports what the strict sandbox refuses in its words', async () => {
    const runner = context.runner();
    await runner.connect();
    context.sandbox.log.reset();
    const { rows, requests } = await fidelityProbe(runner);

    const entries = context.sandbox.log.entries();
    expect(requests).toBe(guessedReads().length);
    expect(entries.map((entry) => [entry.method, entry.query['page[size]']])).toEqual(entries.map(() => ['GET', '1']));

    const refused = rows.filter((row) => row.answer.startsWith('refused')).map((row) => row.element);
    const unproven = [
      ...Object.entries(UNPROVEN_FILTERS).flatMap(([type, names]) => names.map((name) => `${type} filter[${name}]`)),
      ...Object.entries(UNPROVEN_SORTS).flatMap(([type, fields]) => fields.map((field) => `${type} sort=-${field}`)),
    ];
    // Every refusal is one the strict profile stands for; the sorts it refuses are no longer sent at all.
    expect(refused.sort()).toEqual(unproven.filter((element) => guessedReads().includes(element)).sort());
    expect(rows.find((row) => row.element === 'project-documents filter[status]')).toEqual({
      element: 'project-documents filter[status]',
      answer: expect.stringMatching(/^refused: ScopeStack says: status is not allowed\./) as string,
      steps: ['new_project_document'],
    });
  });
});
