/**
 * ScopeStack's JSON:API as the app suites pin it in nock: the paths of the test account, the
 * bodies a write sends, the relationships in them, and the error answers ScopeStack gives. Built
 * here once so that each test spells out only its own values.
 */
import nock from 'nock';
import { ACCESS_TOKEN, API, SLUG } from './bundle.js';

export const JSON_API = 'application/vnd.api+json';

/** What every API call carries (the connection's bearer token, the JSON:API Accept header), as nock's `reqheaders`. */
export const SIGNED = { accept: JSON_API, authorization: `Bearer ${ACCESS_TOKEN}` };
/** What every write with a body carries besides: the JSON:API content type, without which ScopeStack answers 415. */
const SIGNED_WRITE = { ...SIGNED, 'content-type': JSON_API };

/** The path of a collection of the test account, such as `/example-it/v1/projects`. */
export const collection = (type: string): string => `/${SLUG}/v1/${type}`;

/** Page `number` of 100 records, as a dropdown, search or poll asks for it. */
export const pageOf = (number: number) => ({ 'page[number]': String(number), 'page[size]': '100' });
/** The first page, which searches and polls ask for. */
export const FIRST_PAGE = pageOf(1);

export const toOne = (type: string, id: string) => ({ data: { type, id } });
export const toMany = (type: string, ids: string[]) => ({ data: ids.map((id) => ({ type, id })) });

/** The account of the test connection (account_id 42): what a create links a record to. */
export const toAccount = toOne('accounts', '42');
/** Project 90425, which the project parts, services and documents of the suites belong to. */
export const toProject = toOne('projects', '90425');

type Members = nock.DataMatcherMap;

/** The body of a POST: a new record of `type`, with relationships when it has any. */
export const newRecord = (type: string, attributes: Members, relationships?: Members): Members => ({
  data: { type, attributes, ...(relationships && { relationships }) },
});

/** The body of a PATCH: what changes on record `id`, with relationships when any change. */
export const changes = (type: string, id: string, attributes: Members, relationships?: Members): Members => ({
  data: { type, id, attributes, ...(relationships && { relationships }) },
});

/** ScopeStack's answer (404) for a record it does not have; with its ID, it names it as ScopeStack does. */
export const notFound = (id?: string) => ({
  errors: [{ title: 'Record not found', ...(id && { detail: `The record identified by ${id} could not be found.` }), status: '404' }],
});

/** ScopeStack's answer refusing one attribute of a write (422), worded as it words it. */
export const refusedAttribute = (attribute: string, title: string, detail = `${attribute} - ${title}`) => ({
  errors: [{ title, detail, status: '422', source: { pointer: `/data/attributes/${attribute}` } }],
});

/** The related records every project request sideloads, so that `<name>_name` can be filled. */
export const PROJECT_INCLUDE = 'client,sales-executive,presales-engineer,rate-table,payment-term,business-unit,crm-opportunity';

/** nock answering one signed GET of `path` with exactly `query` (200, `reply`): a page of a list, a search or a poll. */
export const oneGet = (path: string, query: nock.DataMatcherMap, reply: nock.Body): nock.Scope =>
  nock(API, { reqheaders: SIGNED }).get(path).query(query).once().reply(200, reply);

/**
 * nock answering one write as ScopeStack does (a create 201, an update 200, with `answer`): only
 * a signed JSON:API request to `path` with exactly `body`, and exactly `query` when given.
 */
const oneWrite =
  (method: 'POST' | 'PATCH', status: number) =>
  (path: string, body: nock.DataMatcherMap, answer: nock.Body, query?: nock.DataMatcherMap) => {
    const interceptor = nock(API, { reqheaders: SIGNED_WRITE }).intercept(path, method, body);
    return (query === undefined ? interceptor : interceptor.query(query)).once().reply(status, answer);
  };
export const onePost = oneWrite('POST', 201);
export const onePatch = oneWrite('PATCH', 200);
