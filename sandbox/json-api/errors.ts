import { jsonResponse, type SandboxResponse } from '../http/types.js';

export const JSON_API = 'application/vnd.api+json';

/** One entry of a JSON:API `errors` array, in the jsonapi-resources style ScopeStack appears to use. */
export interface ErrorEntry {
  title: string;
  detail: string;
  code: string;
  status: number;
  pointer?: string;
}

function errorDocument(entries: ErrorEntry[]): { errors: object[] } {
  return {
    errors: entries.map((entry) => ({
      title: entry.title,
      detail: entry.detail,
      code: entry.code,
      status: String(entry.status),
      ...(entry.pointer === undefined ? {} : { source: { pointer: entry.pointer } }),
    })),
  };
}

export function errorResponse(status: number, entries: ErrorEntry[], headers: Record<string, string> = {}): SandboxResponse {
  const response = jsonResponse(status, errorDocument(entries), JSON_API);
  return { ...response, headers: { ...response.headers, ...headers } };
}

/** A response carrying a single error whose status is the response status. */
export function apiError(status: number, title: string, detail: string, code = String(status), pointer?: string): SandboxResponse {
  return errorResponse(status, [{ status, title, detail, code, ...(pointer === undefined ? {} : { pointer }) }]);
}

/** Thrown anywhere in request handling to answer with a JSON:API error. */
export class ApiFailure extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`API failure ${response.status}`);
  }
}

export function fail(status: number, title: string, detail: string, code = String(status), pointer?: string): never {
  throw new ApiFailure(apiError(status, title, detail, code, pointer));
}

export function notFound(detail: string): never {
  return fail(404, 'Record not found', detail, '404');
}
