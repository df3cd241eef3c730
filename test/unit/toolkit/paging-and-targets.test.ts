import { describeAttempt, targetOf } from '../../../src/toolkit/describe-request.js';
import { singular } from '../../../src/toolkit/field-names.js';
import type { Document, Resource } from '../../../src/toolkit/json-api.js';
import { hasNextPage, pageParams } from '../../../src/toolkit/paging.js';

const page = (links?: Record<string, string | null>, meta?: Record<string, unknown>): Document<Resource[]> => ({
  data: [],
  ...(links ? { links } : {}),
  ...(meta ? { meta } : {}),
});

describe('paging', () => {
  it('counts Zapier pages from 0 and JSON:API pages from 1', () => {
    expect(pageParams(0, 100)).toEqual({ 'page[number]': '1', 'page[size]': '100' });
    expect(pageParams(2, 25)).toEqual({ 'page[number]': '3', 'page[size]': '25' });
  });

  it.each([
    ['a next link', page({ next: 'https://x/clients?page%5Bnumber%5D=2' }), 1, true],
    ['an empty next link', page({ next: null }), 1, false],
    ['no next link: the page count decides', page({ first: 'https://x' }, { 'page-count': 5 }), 1, true],
    ['only a page count above the page', page(undefined, { 'page-count': 3 }), 2, true],
    ['only a page count reached', page(undefined, { 'page-count': 3 }), 3, false],
    ['nothing to tell', page(), 1, false],
  ])('reads %s', (_case, document, pageNumber, expected) => {
    expect(hasNextPage(document, pageNumber)).toBe(expected);
  });
});

describe('targetOf and describeAttempt', () => {
  it.each([
    ['POST', 'https://api.x/acme/v1/clients?include=contacts', { collection: 'clients' }, 'create clients'],
    ['PATCH', 'https://api.x/acme/v1/crm-opportunities/12', { collection: 'crm opportunities', id: '12' }, 'update crm opportunity 12'],
    ['GET', 'https://api.x/acme/v1/sales-executives/7', { collection: 'sales executives', id: '7' }, 'read sales executive 7'],
    ['DELETE', 'https://api.x/acme/v1/project-services/3', { collection: 'project services', id: '3' }, 'delete project service 3'],
  ])('%s %s', (method, url, target, attempt) => {
    expect(targetOf(url)).toEqual(target);
    expect(describeAttempt(method, url)).toBe(attempt);
  });

  it.each([
    ['clients', 'client'],
    ['crm opportunities', 'crm opportunity'],
    ['project addresses', 'project address'],
    ['taxes', 'tax'],
    ['status', 'status'],
  ])('makes %s singular as %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});
