/**
 * A filter the service takes one value at a time (`searchEach`): a search reads each value in
 * turn and stops at the first read with a match. A made-up service, through nock.
 */
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import type { FlatRecord } from '../src/flat-record.js';
import type { ResourceSpec } from '../src/resource-spec.js';
import { findRecords } from '../src/steps/find-records.js';
import { API, bundleWith, widget, widgetResource, WIDGETS, acmeApp } from './support/acme.js';
import { useNock } from './support/nock.js';

const appTester = zapier.createAppTester(acmeApp);
useNock();

/** Widgets in stock are read first, then those out of stock. */
const stocked: ResourceSpec = { ...widget, searchEach: { param: 'filter[in-stock]', values: ['true', 'false'] } };
const options = { filters: widget.filters ?? [] };

const read = (inStock: string, found: ReturnType<typeof widgetResource>[]) =>
  nock(API)
    .get(WIDGETS)
    .query({ 'filter[in-stock]': inStock, 'filter[name]': 'Bolt', 'page[number]': '1', 'page[size]': '100' })
    .once()
    .reply(200, { data: found, meta: { 'page-count': 1 } });

const find = (): Promise<FlatRecord[]> =>
  appTester((z: ZObject, bundle: Bundle) => findRecords(z, bundle, stocked, options), bundleWith({ name: 'Bolt' }));

describe('searching a filter one value at a time', () => {
  it('stops at the first value with a match: one request', async () => {
    const scope = read('true', [widgetResource('1', 'Bolt', 'red')]);
    expect((await find()).map((record) => record.id)).toEqual(['1']);
    expect(scope.isDone()).toBe(true);
  });

  it('reads the next value when the first has only partial matches', async () => {
    const first = read('true', [widgetResource('1', 'Bolt M8', 'red')]);
    const second = read('false', [widgetResource('2', 'bolt', 'blue')]);
    expect((await find()).map((record) => record.id)).toEqual(['2']);
    expect([first.isDone(), second.isDone()]).toEqual([true, true]);
  });

  it('finds nothing after reading every value', async () => {
    const scope = [read('true', []), read('false', [])];
    expect(await find()).toEqual([]);
    expect(scope.map((interceptor) => interceptor.isDone())).toEqual([true, true]);
  });
});
