/**
 * Request and response middleware for a bearer-token JSON:API service. Each function acts only
 * on requests to the API base URL (never on the token endpoint) and only when its data is there.
 */
import type { AfterResponseMiddleware, BeforeRequestMiddleware, Bundle, HttpResponse } from 'zapier-platform-core';
import { appError } from './app-errors.js';
import { errorsOf } from './json-api.js';
import { describeFailure, describePermissionDenied, describeUnreadable, type FailedResponse, type FieldNotes } from './response-errors.js';
import { isFresh, needsRenewal, nowInSeconds, readTokenTimes } from './token-timing.js';

const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

export interface ApiMiddlewareConfig {
  service: string;
  apiBaseUrl: () => string;
  tokenUrl: () => string;
  userAgent: string;
  /** Field labels for the resource a URL addresses, so error pointers read as the user's fields. */
  fieldNotes?: (url: string) => FieldNotes | undefined;
}

type Before = BeforeRequestMiddleware;
type After = AfterResponseMiddleware;

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);

const headerOf = (headers: Record<string, string> | undefined, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
};

export const createApiMiddleware = (config: ApiMiddlewareConfig): { befores: Before[]; afters: After[] } => {
  const isApiRequest = (url: string | undefined): boolean => {
    if (!url) return false;
    const base = config.apiBaseUrl().replace(/\/+$/, '');
    return (url === base || url.startsWith(`${base}/`)) && !url.startsWith(config.tokenUrl());
  };

  /** JSON:API needs its own media type both ways; the service rejects calls without `Accept`. */
  const addJsonApiHeaders: Before = (request) => {
    // A raw request downloads a file, whatever its type: it asks for no JSON:API.
    if (!isApiRequest(request.url) || request.raw) return request;
    const headers: Record<string, string> = { ...request.headers, Accept: JSON_API_MEDIA_TYPE, 'User-Agent': config.userAgent };
    if (WRITE_METHODS.has((request.method ?? 'GET').toUpperCase())) headers['Content-Type'] = JSON_API_MEDIA_TYPE;
    return { ...request, headers };
  };

  /**
   * Adds the stored token, or asks Zapier to renew it first when it is about to expire
   * (throwing RefreshAuthError makes Zapier run the session exchange and retry the step).
   * A request that already names its Authorization (the exchange's own check) is left alone.
   */
  const addBearerToken: Before = (request, z, bundle) => {
    if (!isApiRequest(request.url) || headerOf(request.headers, 'Authorization')) return request;
    const token = bundle.authData['access_token'];
    const times = readTokenTimes(bundle.authData);
    if (!token || (times && needsRenewal(times, nowInSeconds()))) {
      throw new z.errors.RefreshAuthError(`The ${config.service} access token has expired and is being renewed.`);
    }
    return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
  };

  const failedResponse = (response: HttpResponse): FailedResponse => {
    const url = response.request.url ?? '';
    const fieldNotes = config.fieldNotes?.(url);
    return {
      status: response.status,
      method: response.request.method ?? 'GET',
      url,
      errors: errorsOf(response.data),
      isHtml: /html/i.test(response.headers.get('content-type') ?? ''),
      ...(fieldNotes ? { fieldNotes } : {}),
    };
  };

  /** Whether the request carried the stored token (not one the exchange is still checking). */
  const usedStoredToken = (response: HttpResponse, bundle: Bundle): boolean => {
    const token = bundle.authData['access_token'];
    return Boolean(token) && headerOf(response.request.headers, 'Authorization') === `Bearer ${token}`;
  };

  const throwForApiErrors: After = (response, z, bundle) => {
    if (!isApiRequest(response.request.url) || response.skipThrowForStatus) return response;
    // A download's body is a stream, read by whoever asked for it; only its status is checked here.
    if (response.request.raw && response.status < 400) return response;
    if (response.status < 400) {
      if (response.content && response.data === undefined) {
        const { method, url } = failedResponse(response);
        throw appError(z, describeUnreadable(config.service, method, url, response.status));
      }
      return response;
    }
    if (response.status === 403) {
      // A 403 can mean an expired token (the service sometimes answers 403 instead of 401) or a
      // real permission denial. Renew once when the stored token is not fresh; a fresh token
      // that gets 403 is a permission problem, so renewal can never loop.
      const times = readTokenTimes(bundle.authData);
      if (usedStoredToken(response, bundle) && !(times && isFresh(times, nowInSeconds()))) {
        throw new z.errors.RefreshAuthError(`${config.service} refused a token that may have expired; renewing it once.`);
      }
      throw appError(z, describePermissionDenied(config.service, failedResponse(response)));
    }
    throw appError(z, describeFailure(config.service, failedResponse(response)));
  };

  return { befores: [addJsonApiHeaders, addBearerToken], afters: [throwForApiErrors] };
};
