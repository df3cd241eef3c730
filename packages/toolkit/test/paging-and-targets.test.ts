import { describeAttempt, targetOf } from '../src/describe-request.js';
import { jsonApiFormat } from '../src/formats/json-api-format.js';
import type { Document, Resource } from '../src/formats/json-api.js';
import { widget } from './support/acme.js';

const page = (links?: Record<string, string | null>, meta?: Record<string, unknown>): Document<Resource[]> => ({
  data: [],
  ...(links ? { links } : {}),
  ...(meta ? { meta } : {}),
});

describe('JSON:API paging', () => {
  it('asks for pages by number from 1, the first when no page is named', () => {
    expect(jsonApiFormat.pageParams(undefined, 100)).toEqual({ 'page[number]': '1', 'page[size]': '100' });
    expect(jsonApiFormat.pageParams('3', 25)).toEqual({ 'page[number]': '3', 'page[size]': '25' });
  });

  it.each([
    ['a next link', page({ next: 'https://x/clients?page%5Bnumber%5D=2' }), 1, true],
    ['an empty next link', page({ next: null }), 1, false],
    ['no next link: the page count decides', page({ first: 'https://x' }, { 'page-count': 5 }), 1, true],
    ['only a page count above the page', page(undefined, { 'page-count': 3 }), 2, true],
    ['only a page count reached', page(undefined, { 'page-count': 3 }), 3, false],
    ['nothing to tell', page(), 1, false],
  ])('reads %s', (_case, document, pageNumber, expected) => {
    expect(jsonApiFormat.readList(document, widget, String(pageNumber))?.next).toBe(expected ? String(pageNumber + 1) : undefined);
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
});
