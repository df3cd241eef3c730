/** What an API route handler sees: the request, the environment's data, the clock and the switches. */
import type { Clock } from './clock.js';
import type { JsonObject } from './request-fields.js';
import type { State } from './state.js';

export interface Switches {
  /** 200 like the recorded real API, or 201 like the OpenAPI spec, for create calls. */
  createStatus: 200 | 201;
  /** Reproduce the recorded quirk: a non-empty next_page_token on the last (non-empty) page. */
  trailingPageToken: boolean;
}

export interface Env {
  state: State;
  clock: Clock;
  switches: Switches;
}

export interface ApiRequest {
  /** The `{name}` parts of the route's path, in order, percent-decoded. */
  params: string[];
  query: URLSearchParams;
  body(): JsonObject;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `{name}` matches one path segment (or the part of it before a `:verb` suffix). */
  path: string;
  /** A create: answers `switches.createStatus` instead of 200. */
  creates?: boolean;
  handle(request: ApiRequest, env: Env): unknown;
}

/** `params[index]`, which the route's pattern guarantees exists. */
export function param(request: ApiRequest, index: number): string {
  const value = request.params[index];
  if (value === undefined) throw new Error(`route has no parameter ${index}`);
  return value;
}
