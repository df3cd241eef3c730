/**
 * Request and response middleware for a bearer-token API, in the service's wire format. The time budget and the
 * redirect rules act on every request; the rest only on requests to the API base URL (never on
 * the token endpoint) and only when its data is there.
 */
import type { AfterResponseMiddleware, BeforeRequestMiddleware, Bundle, HttpResponse } from 'zapier-platform-core';
import { appError, ErrorCode } from './app-errors.js';
import { describeAttempt } from './describe-request.js';
import { describeFailure, describePermissionDenied, describeUnreadable, type FailedResponse } from './response-errors.js';
import { budgetTiming, noteWrite, remainingMs, requestTimeout, writesSent } from './step-budget.js';
import { isFresh, needsRenewal, nowInSeconds, readTokenTimes } from './token-timing.js';
import type { ServiceWords } from './service-words.js';
import type { WireFormat } from './wire-format.js';

export interface ApiMiddlewareConfig {
  words: ServiceWords;
  /** The API's base URL and the token endpoint of a connection: the token is only ever sent under the API's. */
  apiBaseUrl: (bundle: Bundle) => string;
  tokenUrl: (bundle: Bundle) => string;
  userAgent: string;
  format: WireFormat;
}

type Before = BeforeRequestMiddleware;
type After = AfterResponseMiddleware;

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);

/** Redirects a request to any other host (a file's storage) may follow before it is given up. */
const MAX_REDIRECTS = 5;

/** Whether `url` is on `base`'s exact origin (scheme, host and port) and under its path. */
const isUnder = (url: string | undefined, base: string): boolean => {
  if (!url) return false;
  try {
    const target = new URL(url);
    const root = new URL(base);
    const path = root.pathname.replace(/\/+$/, '');
    return target.origin === root.origin && (target.pathname === path || target.pathname.startsWith(`${path}/`));
  } catch {
    return false;
  }
};

const headerOf = (headers: Record<string, string> | undefined, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
};

export const createApiMiddleware = (config: ApiMiddlewareConfig): { befores: Before[]; afters: After[] } => {
  const isTokenRequest = (url: string | undefined, bundle: Bundle): boolean => isUnder(url, config.tokenUrl(bundle));
  const isApiRequest = (url: string | undefined, bundle: Bundle): boolean =>
    isUnder(url, config.apiBaseUrl(bundle)) && !isTokenRequest(url, bundle);

  /**
   * Every request gets a timeout within what is left of the step's budget; with too little left,
   * it is not sent, and the user is told what was (writes sent earlier may have happened).
   */
  const withinStepBudget: Before = (request, z, bundle) => {
    const method = (request.method ?? 'GET').toUpperCase();
    const attempt = describeAttempt(method, request.url);
    if (remainingMs() < budgetTiming.minRequestMs) {
      const writes = writesSent();
      const outcome =
        writes.length > 0
          ? ` Before that it asked to ${writes.join(', then ')}, which may have happened: check ${config.words.service} before running the step again, so that nothing is done twice.`
          : ` Nothing was written to ${config.words.service}.`;
      throw appError(z, {
        code: ErrorCode.Api,
        message: `${config.words.service} answered too slowly: this step reached its time limit before it could ${attempt}, so that was not sent.${outcome}`,
      });
    }
    if (method !== 'GET' && !isTokenRequest(request.url, bundle)) noteWrite(attempt);
    return { ...request, timeout: Math.min(request.timeout ?? Number.POSITIVE_INFINITY, requestTimeout()) };
  };

  /**
   * Credentials never follow a redirect: a request to the API or the token endpoint takes none
   * (an answer that redirects is an error below), so neither the token nor the client secret can
   * be carried to another origin, and a redirected write is never read as its result. Other
   * requests (a file in storage) follow a few.
   */
  const followNoRedirectWithCredentials: Before = (request, _z, bundle) =>
    isApiRequest(request.url, bundle) || isTokenRequest(request.url, bundle)
      ? { ...request, redirect: 'manual' }
      : { ...request, follow: Math.min(request.follow ?? MAX_REDIRECTS, MAX_REDIRECTS) };

  /** The format's media type both ways (some services reject calls without their own `Accept`). */
  const addMediaTypeHeaders: Before = (request, _z, bundle) => {
    // A raw request downloads a file, whatever its type: it asks for no media type.
    if (!isApiRequest(request.url, bundle) || request.raw) return request;
    const { mediaType } = config.format;
    const headers: Record<string, string> = { ...request.headers, Accept: mediaType, 'User-Agent': config.userAgent };
    if (WRITE_METHODS.has((request.method ?? 'GET').toUpperCase())) headers['Content-Type'] = mediaType;
    return { ...request, headers };
  };

  /**
   * Adds the stored token, or asks Zapier to renew it first when it is about to expire
   * (throwing RefreshAuthError makes Zapier run the session exchange and retry the step).
   * A request that already names its Authorization (the exchange's own check) is left alone.
   */
  const addBearerToken: Before = (request, z, bundle) => {
    if (!isApiRequest(request.url, bundle) || headerOf(request.headers, 'Authorization')) return request;
    const token = bundle.authData['access_token'];
    const times = readTokenTimes(bundle.authData);
    if (!token) {
      throw new z.errors.RefreshAuthError(
        `This connection holds no ${config.words.service} access token yet; one is being requested. (With zapier-platform invoke: run \`invoke auth start\` first.)`,
      );
    }
    if (times && needsRenewal(times, nowInSeconds())) {
      throw new z.errors.RefreshAuthError(
        `The ${config.words.service} access token has expired and is being renewed. (With zapier-platform invoke: run \`invoke auth refresh\`.)`,
      );
    }
    return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
  };

  const failedResponse = (response: HttpResponse): FailedResponse => ({
    status: response.status,
    method: response.request.method ?? 'GET',
    url: response.request.url ?? '',
    errors: config.format.errorsOf(response.data),
    isHtml: /html/i.test(response.headers.get('content-type') ?? ''),
  });

  /** Whether the request carried the stored token (not one the exchange is still checking). */
  const usedStoredToken = (response: HttpResponse, bundle: Bundle): boolean => {
    const token = bundle.authData['access_token'];
    return Boolean(token) && headerOf(response.request.headers, 'Authorization') === `Bearer ${token}`;
  };

  const throwForApiErrors: After = (response, z, bundle) => {
    if (!isApiRequest(response.request.url, bundle) || response.skipThrowForStatus) return response;
    // A download's body is a stream, read by whoever asked for it; only its status is checked here.
    if (response.status >= 300 && response.status < 400) {
      const { method, url } = failedResponse(response);
      const written = WRITE_METHODS.has(method.toUpperCase()) || method.toUpperCase() === 'DELETE';
      throw appError(z, {
        code: ErrorCode.Api,
        status: response.status,
        message:
          `${config.words.service} answered the request to ${describeAttempt(method, url)} with a redirect (HTTP ${response.status}), ` +
          `which this integration never follows with your credentials.` +
          (written
            ? ` ${config.words.service} may or may not have made the change: check there before running the step again.`
            : ' Check that the connection points at the right address.'),
      });
    }
    if (response.request.raw && response.status < 400) return response;
    if (response.status < 400) {
      if (response.content && response.data === undefined) {
        const { method, url } = failedResponse(response);
        throw appError(z, describeUnreadable(config.words.service, method, url, response.status));
      }
      return response;
    }
    if (response.status === 403) {
      // A 403 can mean an expired token (the service sometimes answers 403 instead of 401) or a
      // real permission denial. Renew once when the stored token is not fresh; a fresh token
      // that gets 403 is a permission problem, so renewal can never loop.
      const times = readTokenTimes(bundle.authData);
      if (usedStoredToken(response, bundle) && !(times && isFresh(times, nowInSeconds()))) {
        throw new z.errors.RefreshAuthError(`${config.words.service} refused a token that may have expired; renewing it once.`);
      }
      throw appError(z, describePermissionDenied(config.words.service, failedResponse(response), config.words.permissionFix));
    }
    const failed = failedResponse(response);
    // The response travels with the error, so the code that sent the request can name its fields.
    throw appError(z, describeFailure(config.words.service, failed), failed);
  };

  return { befores: [withinStepBudget, followNoRedirectWithCredentials, addMediaTypeHeaders, addBearerToken], afters: [throwForApiErrors] };
};
