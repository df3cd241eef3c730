/**
 * What the generated polling, search and write steps do for any resource, run through the app's
 * middleware against nock: which requests a poll sends and when it reads on, how a search finds
 * and ranks the matches, and what a write sends (an update only what was filled in; a service
 * without an owning account no owner). Each step is built inside its test from a made-up
 * resource, so the generators themselves are what is checked.
 */
import { jest } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../../src/index.js';
import type { Requester, ResourceSpec } from '../../../src/toolkit/resource-spec.js';
import { pollingTrigger } from '../../../src/toolkit/steps/polling-trigger.js';
import { searchStep } from '../../../src/toolkit/steps/search.js';
import { createStep, updateStep, upsertStep } from '../../../src/toolkit/steps/write-step.js';
import { API, bundleWith, SLUG, useTestHosts } from '../../support/bundle.js';
import { errorBodyOf, rejectionOf } from '../../support/errors.js';
import { useNock } from '../../support/nock.js';
import { performOf } from '../../support/steps.js';

const appTester = zapier.createAppTester(App);

type FlatRecord = { id: string } & Record<string, unknown>;

/** A service whose records belong to no account: its creates carry no owner relationship. */
const requester: Requester = {
  service: 'Acme',
  collectionsUrl: () => `${API}/${SLUG}/v1`,
  apiBaseUrl: () => API,
  recordId: { pattern: /^\d+$/, description: 'a whole number such as 12' },
};

const widget: ResourceSpec = {
  type: 'widgets',
  path: 'widgets',
  noun: 'Widget',
  display: 'name',
  attributes: [
    { name: 'name', kind: 'string', writable: true },
    { name: 'active', kind: 'boolean' },
    { name: 'created-at', kind: 'datetime' },
  ],
  relationships: [{ name: 'workshop', type: 'workshops', writable: true }],
  filters: [{ key: 'name', param: 'filter[name]', match: 'contains' }],
  pageSize: 2,
  requester,
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
beforeAll(useTestHosts);
afterEach(() => {
  jest.restoreAllMocks();
});

describe('polling triggers: what a poll asks for', () => {
  it('asks for the newest records by creation when neither the step nor the resource names a sort', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ sort: '-created-at', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [widgetResource('1', 'Gear')] });
    const records = await appTester(performOf<FlatRecord[]>(pollingTrigger(widget, { key: 'new_widget' })), bundleWith());
    expect(scope.isDone()).toBe(true);
    expect(records.map((record) => record.id)).toEqual(['1']);
  });

  it('asks in the order the resource names for its newest records, unless the step names its own', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ sort: '-id', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [] })
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
    expect(records).toHaveLength(10);
  });

  it('sends no filter for an optional narrowing input left empty, and does not ask for it', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ sort: '-created-at', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [] });
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
    const scope = nock(API)
      .get(WIDGETS)
      .query({ 'filter[name]': 'gear', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [widgetResource('12', 'Gear'), widgetResource('13', 'Gears')] });
    const found = await appTester(performOf<FlatRecord[]>(searchStep(widget, { key: 'find_widget' })), bundleWith({ name: ' gear ' }));
    expect(scope.isDone()).toBe(true);
    expect(found).toEqual([{ id: '12', name: 'Gear', active: true, created_at: '2025-01-31T10:00:00Z' }]);
  });
});

describe('searches: ranking the exact matches', () => {
  const search = (name: string) => appTester(performOf<FlatRecord[]>(searchStep(widget, { key: 'find_widget' })), bundleWith({ name }));

  it('puts the most recently created first when the records tell no change time', async () => {
    nock(API)
      .get(WIDGETS)
      .query({ 'filter[name]': 'Gear', 'page[number]': '1', 'page[size]': '2' })
      .reply(200, {
        data: [
          widgetResource('1', 'Gear', { 'created-at': '2024-01-01T00:00:00Z' }),
          widgetResource('2', 'Gear', { 'created-at': '2025-01-01T00:00:00Z' }),
        ],
      });
    expect((await search('Gear')).map((record) => record.id)).toEqual(['2', '1']);
  });

  it('counts a stored name with spaces around it as the same case as typed', async () => {
    nock(API)
      .get(WIDGETS)
      .query({ 'filter[name]': 'Gear', 'page[number]': '1', 'page[size]': '2' })
      .reply(200, {
        data: [
          widgetResource('1', 'GEAR', { 'created-at': '2025-01-01T00:00:00Z' }),
          widgetResource('2', ' Gear ', { 'created-at': '2024-01-01T00:00:00Z' }),
        ],
      });
    expect((await search('Gear')).map((record) => record.id)).toEqual(['2', '1']);
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

  it('creates with no owner relationship', async () => {
    const scope = nock(API)
      .post(WIDGETS, { data: { type: 'widgets', attributes: { name: 'Gear' } } })
      .once()
      .reply(201, created);
    const record = await appTester(
      performOf<FlatRecord>(createStep(widget, { key: 'create_widget', required: ['name'] })),
      bundleWith({ name: 'Gear' }),
    );
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '7', name: 'Gear' });
  });

  it('creates with no owner relationship from a create-or-update that finds nothing', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ 'filter[name]': 'Gear', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [] })
      .post(WIDGETS, { data: { type: 'widgets', attributes: { name: 'Gear' } } })
      .once()
      .reply(201, created);
    const step = upsertStep(widget, {
      key: 'upsert_widget',
      required: ['name'],
      match: [{ key: 'name', param: 'filter[name]', match: 'exact' }],
    });
    const record = await appTester(performOf<FlatRecord>(step), bundleWith({ name: 'Gear' }));
    expect(scope.isDone()).toBe(true);
    expect(record).toMatchObject({ id: '7', upsert_action: 'created' });
  });

  it('does not look up an optional related record that was left empty', async () => {
    const lookup = nock(API)
      .get(/\/workshops/)
      .reply(200, { data: widgetResource('3', 'Shop') });
    const scope = nock(API)
      .post(WIDGETS, { data: { type: 'widgets', attributes: { name: 'Gear' } } })
      .once()
      .reply(201, created);
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
  const update = performOf(updateStep(widget, { key: 'update_widget', dropdown: 'list_widgets' }));

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
    const scope = nock(API)
      .get(WIDGETS)
      .query({ 'filter[name]': 'Gear', 'page[number]': '1', 'page[size]': '2' })
      .once()
      .reply(200, { data: [widgetResource('12', 'Gear')] })
      .patch(`${WIDGETS}/12`, { data: { type: 'widgets', id: '12', attributes: { name: 'Gear' } } })
      .once()
      .reply(200, { data: widgetResource('12', 'Gear') });
    const step = upsertStep(widget, { key: 'upsert_widget', required: ['name'], match: widget.filters ?? [] });
    expect(await appTester(performOf(step), bundleWith({ name: 'Gear' }))).toMatchObject({ id: '12', upsert_action: 'updated' });
    expect(scope.isDone()).toBe(true);
  });
});
