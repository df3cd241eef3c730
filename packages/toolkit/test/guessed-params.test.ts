/**
 * A list request whose filters or sort the service is not known to accept: on a 400 it is read
 * again without the guessed filters, then without the guessed sort, and what was left out is
 * applied to the page. A made-up resource and service, through the app's middleware and nock.
 */
import nock from 'nock';
import zapier, { type ZObject, type Bundle } from 'zapier-platform-core';
import { listRecords } from '../src/api-client.js';
import { toRecords } from '../src/formats/json-api.js';
import { applyToPage } from '../src/page-query.js';
import { API, bundleWith, widget, widgetResource, WIDGETS, acmeApp } from './support/acme.js';
import { errorBodyOf, rejectionOf } from './support/errors.js';
import { useNock } from './support/nock.js';

const appTester = zapier.createAppTester(acmeApp);
useNock();

const resource = widgetResource;
const PAGE = { data: [resource('1', 'Bolt', 'red'), resource('3', 'Nut', 'blue'), resource('2', 'Gear', 'Red')] };
const REFUSED = { errors: [{ status: '400', title: 'Filter not allowed', detail: 'colour is not allowed.', code: '102' }] };

/** The first page of 3, as every list read here asks for it. */
const FIRST = { 'page[number]': '1', 'page[size]': '3' };

const list = (params: Record<string, string>) =>
  appTester((z: ZObject, bundle: Bundle) => listRecords(z, bundle, widget, params, { size: 3 }), bundleWith()) as Promise<{
    records: { id: string }[];
  }>;

describe('guessed filters and sorts', () => {
  it('sends a guess first, and uses the answer when the service accepts it: one request', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[colour]': 'red', sort: '-id' })
      .once()
      .reply(200, { data: [resource('1', 'Bolt', 'red')] });
    expect((await list({ 'filter[colour]': 'red', sort: '-id' })).records.map(({ id }) => id)).toEqual(['1']);
    expect(scope.isDone()).toBe(true);
  });

  it('reads again without a refused guessed filter, keeps the confirmed ones, and filters the page itself', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[kind]': 'metal', 'filter[colour]': 'red', sort: 'name' })
      .once()
      .reply(400, REFUSED)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[kind]': 'metal', sort: 'name' })
      .once()
      .reply(200, PAGE);
    const { records: data } = await list({ 'filter[kind]': 'metal', 'filter[colour]': 'red', sort: 'name' });
    expect(data.map(({ id }) => id)).toEqual(['1', '2']);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up the guessed sort next, and sorts the page itself', async () => {
    const scope = nock(API)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[colour]': 'red,blue', sort: '-id' })
      .once()
      .reply(400, REFUSED)
      .get(WIDGETS)
      .query({ ...FIRST, sort: '-id' })
      .once()
      .reply(400, REFUSED)
      .get(WIDGETS)
      .query(FIRST)
      .once()
      .reply(200, PAGE);
    const { records: data } = await list({ 'filter[colour]': 'red,blue', sort: '-id' });
    expect(data.map(({ id }) => id)).toEqual(['3', '2', '1']);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps the page it reads when it gives up a guess, even for a service that calls every parameter a guess', async () => {
    const doubtful = { ...widget, requester: { ...widget.requester, isGuessedParam: () => true } };
    const scope = nock(API)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[colour]': 'red' })
      .once()
      .reply(400, REFUSED)
      .get(WIDGETS)
      .query(FIRST)
      .once()
      .reply(200, PAGE);
    const records = await appTester(
      (z: ZObject, bundle: Bundle) => listRecords(z, bundle, doubtful, { 'filter[colour]': 'red' }, { size: 3 }),
      bundleWith(),
    );
    expect(scope.isDone()).toBe(true);
    expect((records as { records: { id: string }[] }).records.map(({ id }) => id)).toEqual(['1', '2']);
  });

  it('does not retry a 400 to a list without guesses, nor another error of a list with guesses', async () => {
    nock(API)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[kind]': 'metal' })
      .once()
      .reply(400, REFUSED);
    expect(errorBodyOf(await rejectionOf(list({ 'filter[kind]': 'metal' })))).toMatchObject({ status: 400, code: 'ValidationError' });
    nock(API)
      .get(WIDGETS)
      .query({ ...FIRST, 'filter[colour]': 'red' })
      .once()
      .reply(422, REFUSED);
    expect(errorBodyOf(await rejectionOf(list({ 'filter[colour]': 'red' })))).toMatchObject({ status: 422 });
  });
});

describe('applyToPage', () => {
  const page = toRecords(PAGE);
  it('matches a partial filter by substring and others exactly, ignoring case, any of comma-separated values', () => {
    expect(applyToPage(page, widget, { 'filter[name]': 'ol' }, 'sort').map(({ id }) => id)).toEqual(['1']);
    expect(applyToPage(page, widget, { 'filter[colour]': 'RED,blue' }, 'sort').map(({ id }) => id)).toEqual(['1', '3', '2']);
    expect(applyToPage(page, widget, { 'filter[colour]': 're' }, 'sort')).toEqual([]);
  });

  it('sorts by each key in turn, numbers as numbers, descending with a minus', () => {
    expect(applyToPage(page, widget, { sort: 'colour,-id' }, 'sort').map(({ id }) => id)).toEqual(['3', '2', '1']);
    expect(applyToPage(page, widget, { sort: 'name' }, 'sort').map(({ id }) => id)).toEqual(['1', '2', '3']);
  });
});
