/**
 * The escape hatch: any request to the service's API with the connection's token, for what the
 * catalog leaves out. The target is checked before anything is sent (see `api-target.ts`), and
 * the answer comes back flattened like every other step's, with the raw document beside it.
 */
import { defineCreate, type Bundle, type Create, type HttpRequestOptions, type ZObject } from 'zapier-platform-core';
import { appError, ErrorCode, failedResponseOf } from '../app-errors.js';
import { apiTarget } from '../api-target.js';
import { isGiven } from '../coerce.js';
import { fieldNotesOf } from '../field-notes.js';
import type { Requester, ResourceSpec } from '../resource-spec.js';
import { describeFailure } from '../response-errors.js';
import { hasTemplateSyntax, sendableAsTyped } from '../template-syntax.js';
import { scalarText } from '../text.js';
import type { StepOptions } from './step-options.js';

const METHODS = { GET: 'GET (read)', POST: 'POST (create)', PATCH: 'PATCH (update)', DELETE: 'DELETE (delete)' } as const;
type Method = keyof typeof METHODS;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ApiRequestOptions<K extends string> extends StepOptions<K> {
  readonly label: string;
  readonly description: string;
  /** A path under the account, for help and messages (`/projects/123/phases`). */
  readonly examplePath: string;
  /** A write body, for messages. */
  readonly exampleBody: string;
  /** What a write body is, with an example, for help ("a JSON object, for example …"). */
  readonly bodyHelp: string;
  /** Query parameters, for help ("filter[active] = true or include = client"). */
  readonly exampleQuery: string;
  readonly sample: Readonly<Record<string, unknown>>;
  /** The catalog's resources, so that an error about a path of theirs names fields by their labels. */
  readonly resources?: readonly ResourceSpec[];
}

/** The resource whose collection the URL's path addresses (`…/projects/123`), if the catalog has it. */
const resourceAt = (resources: readonly ResourceSpec[], url: string): ResourceSpec | undefined => {
  const segments = new URL(url).pathname.split('/');
  return resources.find((spec) => !spec.path.includes('{') && segments.includes(spec.path));
};

export const apiRequestStep = <K extends string>(requester: Requester, options: ApiRequestOptions<K>): Create<K> => {
  const service = requester.service;
  const refuse = (z: ZObject, problem: string) =>
    appError(z, { code: ErrorCode.Validation, message: `Nothing was sent to ${service}: ${problem}` });

  const perform = async (z: ZObject, bundle: Bundle) => {
    const input = bundle.inputData;
    const method = scalarText(input['method']).trim().toUpperCase() || 'GET';
    if (!Object.hasOwn(METHODS, method)) throw refuse(z, `Method must be one of ${Object.keys(METHODS).join(', ')}.`);
    const account = requester.collectionsUrl(bundle);
    if (!account) throw new z.errors.ExpiredAuthError(`This ${service} connection does not know its account. Reconnect it.`);
    const target = apiTarget(
      scalarText(input['path']),
      { api: requester.apiBaseUrl(bundle), account, ...(requester.rootPaths ? { root: requester.rootPaths } : {}) },
      options.examplePath,
    );
    if (!target.ok) throw refuse(z, target.problem);
    const request: HttpRequestOptions & { url: string } = { url: target.url, method: method as Method };
    if (isGiven(input['body'])) {
      if (method === 'GET' || method === 'DELETE') throw refuse(z, `Body must be empty for ${method}: only POST and PATCH send one.`);
      let parsed: unknown;
      try {
        parsed = typeof input['body'] === 'string' ? JSON.parse(input['body']) : input['body'];
      } catch {
        throw refuse(z, `Body must be JSON, for example ${options.exampleBody}.`);
      }
      if (!isObject(parsed)) throw refuse(z, 'Body must be a JSON object, for example {"data": {...}}.');
      // Typed JSON goes as typed: parsing and writing it again would round numbers past 2^53.
      request.body = typeof input['body'] === 'string' ? input['body'] : JSON.stringify(parsed);
    }
    const query = input['query'];
    if (isObject(query)) {
      request.params = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, scalarText(value)]));
      if (Object.values(request.params).some((value) => hasTemplateSyntax(String(value)))) {
        throw refuse(z, 'Query values cannot hold text in double curly braces ({{…}}): Zapier removes it from a request.');
      }
    }
    const response = await z.request(sendableAsTyped(request)).catch((error: unknown) => {
      // The path the user gave names the resource: its fields are told by the labels its steps use.
      const failed = failedResponseOf(error);
      const spec = failed && resourceAt(options.resources ?? [], target.url);
      if (!failed || !spec) throw error;
      const described = { ...failed, fieldNotes: fieldNotesOf(spec) };
      throw appError(z, describeFailure(service, described), described);
    });
    const body: unknown = response.data;
    return {
      status: response.status,
      ...(requester.format.flattenAnswer?.(body) ?? { data: [], included: [] }),
      links: isObject(body) && isObject(body['links']) ? body['links'] : {},
      // As JSON text: meta keys and documents nest freely, and a code step parses them whole.
      meta: JSON.stringify(isObject(body) ? (body['meta'] ?? {}) : {}),
      document: response.content,
    };
  };

  return defineCreate({
    key: options.key,
    noun: 'API Request',
    display: { label: options.label, description: options.description, hidden: options.hidden ?? false },
    operation: {
      perform,
      inputFields: [
        {
          key: 'method',
          label: 'Method',
          required: true,
          choices: { ...METHODS },
          default: 'GET',
          helpText: 'GET reads; POST creates; PATCH changes what the body names; DELETE removes.',
        },
        {
          key: 'path',
          label: 'Path',
          type: 'string',
          required: true,
          helpText: `A path under your account, such as ${options.examplePath}${requester.rootPaths ? `, or an absolute API path such as ${requester.rootPaths.example}` : ''}. Only ${service}'s API host is ever called.`,
        },
        {
          key: 'query',
          label: 'Query',
          dict: true,
          required: false,
          helpText: `Query parameters, one per row, for example ${options.exampleQuery}.`,
        },
        {
          key: 'body',
          label: 'Body (JSON)',
          type: 'text',
          required: false,
          helpText: `For POST and PATCH: ${options.bodyHelp}.`,
        },
      ],
      sample: { ...options.sample },
      outputFields: [
        { key: 'status', label: 'HTTP Status', type: 'integer' },
        { key: 'data[]id', label: 'Records: ID' },
        { key: 'included[]id', label: 'Included Records: ID' },
        { key: 'links__self', label: 'Links: This Page' },
        { key: 'links__next', label: 'Links: Next Page' },
        { key: 'meta', label: 'Meta (JSON)' },
        { key: 'document', label: 'Raw Document (JSON)' },
      ],
    },
  });
};
