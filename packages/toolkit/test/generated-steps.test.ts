/**
 * What the generated polling, search and write steps do for any resource, run through the app's
 * middleware against nock: which requests a poll sends and when it reads on, how a search finds
 * and ranks the matches, and what a write sends (an update only what was filled in; a service
 * without an owning account no owner). Each step is built inside its test from a made-up
 * resource, so the generators themselves are what is checked.
 */
import { jest } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import type { ResourceSpec } from '../src/resource-spec.js';
import { pollingTrigger } from '../src/steps/polling-trigger.js';
import { searchStep } from '../src/steps/search.js';
import { createStep, updateStep, upsertStep } from '../src/steps/write-step.js';
import { acmeResource, API, bundleWith, SLUG, acmeApp } from './support/acme.js';
import { errorBodyOf, rejectionOf } from './support/errors.js';
import { useNock } from './support/nock.js';
import { performOf } from './support/steps.js';

const appTester = zapier.createAppTester(acmeApp);

type FlatRecord = { id: string } & Record<string, unknown>;

const widget: ResourceSpec = {
  ...acmeResource('widgets', 'Widget', 'name'),
  attributes: [
    { name: 'name', kind: 'string', writable: true },
    { name: 'active', kind: 'boolean' },
    { name: 'created-at', kind: 'datetime' },
  ],
  relationships: [{ name: 'workshop', type: 'workshops', writable: true }],
  filters: [{ key: 'name', param: 'filter[name]', match: 'contains' }],
  pageSize: 2,
  sample: { id: '12', name: 'Sample Widget', active: true, created_at: '2025-01-31T10:00:00Z' },
};

const workshops: ResourceSpec = { ...widget, type: 'workshops', path: 'workshops', noun: 'Workshop', relationships: [] };

const WIDGETS = `/${SLUG}/v1/widgets`;
/** The clock during the burst tests: the time the file loaded. */
const NOW = Date.now();
const HOUR = 60 * 60 * 1000;

const widgetResource = (id: string, name: string, attributes: Record<string, unknown> = {}) => ({
  id,
  type: 'widgets',
  attributes: { name, active: true, 'created-at': '2025-01-31T10:00:00Z', ...attributes },
});

/** A full page of 2 widgets, newest first, the oldest created `ageMs` before now. */
const pageCreated = (ageMs: number, extra: Record<string, unknown> = {}) => ({
  data: [
    widgetResource('2', 'Newer', { 'created-at': new Date(NOW - ageMs + 1000).toISOString() }),
    widgetResource('1', 'Older', { 'created-at': new Date(NOW - ageMs).toISOString() }),
  ],
  ...extra,
});

const morePages = { links: { next: `${API}${WIDGETS}?page%5Bnumber%5D=2&page%5Bsize%5D=2` } };

/** Records the page numbers a poll asks for, answering each with `reply`. */
/** Answers the first page of 2 widgets read with `query`, once, with `found`; returns the scope, to check or to chain on. */
const firstPage = (query: Record<string, string>, found: unknown[]) =>
  nock(API)
    .get(WIDGETS)
    .query({ ...query, 'page[number]': '1', 'page[size]': '2' })
    .once()
    .reply(200, { data: found });

const pagesAsked = (reply: () => unknown) => {
  const pages: string[] = [];
  nock(API)
    .get(WIDGETS)
    .query((query) => {
      pages.push(String(query['page[number]']));
      return true;
    })
    .times(5)
    .reply(200, reply);
  return pages;
};

useNock();
afterEach(() => {
  jest.restoreAllMocks();
});

describe('polling triggers: what a poll asks for', () => {
  it('asks for the newest records by creation when neither the step nor the resource names a sort', async () => {
    const scope = firstPage({ sort: '-created-at' }, [widgetResource('1', 'Gear')]);
    const records = await appTester(performOf<FlatRecord[]>(pollingTrigger(widget, { key: 'new_widget' })), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['1']);
  });

  it('asks in the order the resource names for its newest records, unless the step names its own', async () => {
    const scope = firstPage({ sort: '-id' }, [])
      .get(WIDGETS)
      .query({ sort: '-updated-at', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [] });
    const byId = { ...widget, newestFirst: '-id' };
    await appTester(performOf(pollingTrigger(byId, { key: 'new_widget' })), bundleWith());
    await appTester(performOf(pollingTrigger(byId, { key: 'updated_widget', sort: '-updated-at' })), bundleWith());
    expect(scope.isDone()).toBe(true);
  });

  it.each([[-1], [0]])('reads pages of the usual size when Zapier gives %d as its limit (no limit)', async (limit) => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    const pages = pagesAsked(() => pageCreated(10 * 60 * 1000, morePages));
    const records = await appTester(performOf<FlatRecord[]>(pollingTrigger(widget, { key: 'new_widget' })), {
      ...bundleWith(),
      meta: { page: 0, limit },
    });
    // Every page was created within the last hour: a burst, so the poll reads on up to 5 pages.
    expect(pages).toEqual(['1', '2', '3', '4', '5']);
    // Every page holds the same two widgets here: a poll returns each ID once.
    expect(records.map((record) => record.id)).toEqual(['2', '1']);
  });

  it('sends no filter for an optional narrowing input left empty, and does not ask for it', async () => {
    const scope = firstPage({ sort: '-created-at' }, []);
    const trigger = pollingTrigger(widget, {
      key: 'new_widget',
      inputs: [{ key: 'colour', label: 'Colour', param: 'filter[colour]', help: 'Only widgets of these colours.', list: true }],
    });
    expect(await appTester(performOf(trigger), bundleWith({ colour: '' }))).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a narrowing input given a list of objects before any request, naming the input', async () => {
    const any = nock(API).get(WIDGETS).query(true).reply(200, { data: [] });
    const trigger = pollingTrigger(widget, {
      key: 'new_widget',
      inputs: [{ key: 'colour', label: 'Colour', param: 'filter[colour]', help: 'Only widgets of these colours.', list: true }],
    });
    const error = await rejectionOf(appTester(performOf(trigger), bundleWith({ colour: [{ name: 'red' }] })));
    expect(errorBodyOf(error)).toEqual({ code: 'ValidationError', message: 'Colour has a value that is not accepted.' });
    expect(any.isDone()).toBe(false);
  });
});

describe('polling triggers: reading on during a burst', () => {
  const poll = () => appTester(performOf<FlatRecord[]>(pollingTrigger(widget, { key: 'new_widget' })), bundleWith());

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  it('reads the next page while the oldest record of a full page is younger than an hour', async () => {
    const pages = pagesAsked(() => pageCreated(HOUR - 1, morePages));
    await poll();
    expect(pages).toEqual(['1', '2', '3', '4', '5']);
  });

  it('stops at a full page whose oldest record is exactly an hour old', async () => {
    const pages = pagesAsked(() => pageCreated(HOUR, morePages));
    const records = await poll();
    expect(pages).toEqual(['1']);
    expect(records).toHaveLength(2);
  });

  it('stops when the page count says the page read is the last, even during a burst', async () => {
    const pages = pagesAsked(() => pageCreated(60 * 1000, { meta: { 'page-count': 1 } }));
    const records = await poll();
    expect(pages).toEqual(['1']);
    expect(records).toHaveLength(2);
  });
});

describe('searches', () => {
  it('list by the given value, trimmed, and return only the exact match, ignoring case', async () => {
    const scope = firstPage({ 'filter[name]': 'gear' }, [widgetResource('12', 'Gear'), widgetResource('13', 'Gears')]);
    const found = await appTester(performOf<FlatRecord[]>(searchStep(widget, { key: 'find_widget' })), bundleWith({ name: ' gear ' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([{ id: '12', name: 'Gear', active: true, created_at: '2025-01-31T10:00:00Z' }]);
  });
});

describe('searches: narrowing values', () => {
  it('names every narrowing value that is not an ID at once, before any request', async () => {
    const narrow = ['workshop', 'maker'].map((name) => ({ key: `${name}_id`, param: `filter[${name}]`, match: 'exact' as const }));
    const find = (z: ZObject, bundle: Bundle) => performOf(searchStep(widget, { key: 'find_widget', narrow }))(z, bundle);
    const error = errorBodyOf(await rejectionOf(appTester(find, bundleWith({ name: 'Gear', workshop_id: 'North', maker_id: 'Ada' }))));
    expect(error.message).toBe(
      'Nothing was searched: Workshop ID must be a Acme ID, a whole number such as 12 (got "North"). Pick one from the dropdown, or map the ID (not the name) from an earlier step. ' +
        'Maker ID must be a Acme ID, a whole number such as 12 (got "Ada"). Pick one from the dropdown, or map the ID (not the name) from an earlier step.',
    );
  });
});

describe('searches: ranking the exact matches', () => {
  /** The IDs a search for "Gear" returns, best first, when the list holds `records`. */
  const rankedIds = async (records: unknown[]): Promise<string[]> => {
    nock(API).get(WIDGETS).query({ 'filter[name]': 'Gear', 'page[number]': '1', 'page[size]': '2' }).reply(200, { data: records });
    const found = await appTester(performOf<FlatRecord[]>(searchStep(widget, { key: 'find_widget' })), bundleWith({ name: 'Gear' }));
    return found.map((record) => record.id);
  };

  it('puts the most recently created first when the records tell no change time', async () => {
    const records = [
      widgetResource('1', 'Gear', { 'created-at': '2024-01-01T00:00:00Z' }),
      widgetResource('2', 'Gear', { 'created-at': '2025-01-01T00:00:00Z' }),
    ];
    expect(await rankedIds(records)).toEqual(['2', '1']);
  });

  it('counts a stored name with spaces around it as the same case as typed', async () => {
    const records = [
      widgetResource('1', 'GEAR', { 'created-at': '2025-01-01T00:00:00Z' }),
      widgetResource('2', ' Gear ', { 'created-at': '2024-01-01T00:00:00Z' }),
    ];
    expect(await rankedIds(records)).toEqual(['2', '1']);
  });

  it('offers each value to find by as a plain text field', () => {
    const [name] = searchStep(widget, { key: 'find_widget' }).operation.inputFields ?? [];
    expect(name).toEqual({
      key: 'name',
      label: 'Name',
      type: 'string',
      required: false,
      helpText: 'Matches the whole value exactly, ignoring case.',
    });
  });
});

describe('writes for a service without an owning account', () => {
  const created = { data: widgetResource('7', 'Gear') };
  /** Expects the POST of a widget named Gear with nothing but its name (no owner relationship), once, and answers it 201. */
  const postOfGear = (scope = nock(API)) =>
    scope
      .post(WIDGETS, { data: { type: 'widgets', attributes: { name: 'Gear' } } })
      .once()
      .reply(201, created);

  it('creates with no owner relationship', async () => {
    const scope = postOfGear();
    const record = await appTester(
      performOf<FlatRecord>(createStep(widget, { key: 'create_widget', required: ['name'] })),
      bundleWith({ name: 'Gear' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '7', name: 'Gear' });
  });

  it('creates with no owner relationship from a create-or-update that finds nothing', async () => {
    const scope = postOfGear(firstPage({ 'filter[name]': 'Gear' }, []));
    const step = upsertStep(widget, {
      key: 'upsert_widget',
      required: ['name'],
      match: ['name'],
    });
    const record = await appTester(performOf<FlatRecord>(step), bundleWith({ name: 'Gear' }));
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '7', upsert_action: 'created' });
  });

  it('does not look up an optional related record that was left empty', async () => {
    const lookup = nock(API)
      .get(/\/workshops/)
      .reply(200, { data: widgetResource('3', 'Shop') });
    const scope = postOfGear();
    const step = createStep(widget, {
      key: 'create_widget',
      required: ['name'],
      variants: { by: 'name', otherwise: { checks: [{ key: 'workshop_id', spec: workshops, active: 'active' }] } },
    });
    await appTester(performOf(step), bundleWith({ name: 'Gear', workshop_id: '' }));
    expect(scope.isDone()).toBe(true);
    expect(lookup.isDone()).toBe(false);
  });
});

describe('updates', () => {
  // Built inside each test, so that what the generator computes up front counts for that test.
  const update = (z: ZObject, bundle: Bundle) =>
    performOf(updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets' }))(z, bundle);

  it('send only the fields filled in, with the ID', async () => {
    const scope = nock(API)
      .patch(`${WIDGETS}/12`, { data: { type: 'widgets', id: '12', attributes: { name: 'Cog' } } })
      .once()
      .reply(200, { data: widgetResource('12', 'Cog') });
    const updated = await appTester(update, bundleWith({ id: '12', name: 'Cog', workshop_id: '', unrelated: 'x' }));
    expect(scope.isDone()).toBe(true);
    expect(updated).toMatchObject({ id: '12', name: 'Cog' });
  });

  it('refuse an update with nothing filled in, before any request', async () => {
    const error = errorBodyOf(await rejectionOf(appTester(update, bundleWith({ id: '12', name: '' }))));
    expect(error.message).toBe('Nothing was sent to Acme: Fill in at least one field to change on the widget.');
  });
});

describe('create-or-updates', () => {
  it('update the record with the same unique value, sending what was filled in', async () => {
    const scope = firstPage({ 'filter[name]': 'Gear' }, [widgetResource('12', 'Gear')])
      .patch(`${WIDGETS}/12`, { data: { type: 'widgets', id: '12', attributes: { name: 'Gear' } } })
      .once()
      .reply(200, { data: widgetResource('12', 'Gear') });
    const step = upsertStep(widget, { key: 'upsert_widget', required: ['name'], match: ['name'] });
    expect(await appTester(performOf(step), bundleWith({ name: 'Gear' }))).toMatchObject({ id: '12', upsert_action: 'updated' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('custom fields of a resource', () => {
  const definitions: ResourceSpec = { ...workshops, type: 'widget-fields', path: 'widget-fields', noun: 'Widget Field' };
  const customized: ResourceSpec = {
    ...widget,
    customFields: {
      attribute: 'custom-values',
      definitions,
      params: { 'filter[active]': 'true' },
      toField: (record) => ({ name: String(record['name']), label: String(record['name']).toUpperCase(), kind: 'string', required: true }),
    },
  };

  /** The fields Zapier loads when it opens the step: one request for the definitions. */
  const loaded = async (fields: readonly unknown[] | undefined) => {
    const scope = nock(API)
      .get(`/${SLUG}/v1/widget-fields`)
      .query({ 'filter[active]': 'true', 'page[number]': '1', 'page[size]': '100' })
      .once()
      .reply(200, { data: [{ id: '1', type: 'widget-fields', attributes: { name: 'region' } }] });
    const [load] = (fields ?? []).filter((field) => typeof field === 'function');
    const result = await appTester(load as Parameters<typeof appTester>[0], bundleWith());
    expect(scope.isDone()).toBe(true);
    return (result as { key: string; required?: boolean }[]).map(({ key, required }) => [key, required]);
  };

  it('are required where the account requires them on a create and a create-or-update, never on an update', async () => {
    const match = ['name'];
    expect(await loaded(createStep(customized, { key: 'create_widget', required: [] }).operation.inputFields)).toEqual([
      ['custom_region', true],
    ]);
    expect(await loaded(upsertStep(customized, { key: 'upsert_widget', required: [], match }).operation.inputFields)).toEqual([
      ['custom_region', true],
    ]);
    expect(await loaded(updateStep(customized, { key: 'update_widget', dropdown: 'list_widgets' }).operation.inputFields)).toEqual([
      ['custom_region', false],
    ]);
  });

  it('are listed among the outputs of a search', async () => {
    expect(await loaded(searchStep(customized, { key: 'find_widget' }).operation.outputFields)).toEqual([['custom_region', undefined]]);
  });
});
