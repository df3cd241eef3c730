/** The lookups a project create makes for a rate table and payment term left empty: the account's defaults, as nock answers them. */
import nock from 'nock';
import { API, SLUG } from './bundle.js';

const lookup = (type: string, id: string, name: string) =>
  nock(API)
    .get(`/${SLUG}/v1/${type}`)
    .query({ 'filter[active]': 'true', sort: '-default,name', 'page[number]': '1', 'page[size]': '1' })
    .once()
    .reply(200, { data: [{ id, type, attributes: { name, default: true, active: true } }], meta: { 'record-count': 1, 'page-count': 1 } });

/** Answers both lookups (Standard Rates 7, Net 30 5); `isDone` says both were made. */
export const accountDefaultsLookedUp = () => {
  const scopes = [lookup('rate-tables', '7', 'Standard Rates'), lookup('payment-terms', '5', 'Net 30')];
  return { isDone: () => scopes.every((scope) => scope.isDone()) };
};

/** The relationships those defaults add to the create's body. */
export const DEFAULT_LINKS = {
  'rate-table': { data: { type: 'rate-tables', id: '7' } },
  'payment-term': { data: { type: 'payment-terms', id: '5' } },
};
