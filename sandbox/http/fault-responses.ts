import type { FaultSpec } from '../faults.js';
import { errorResponse } from '../json-api/errors.js';
import type { SandboxResponse } from './types.js';

/** The canned answers of the rate_limit, server_error and html_error faults. */
export function faultResponse(fault: FaultSpec): SandboxResponse | undefined {
  switch (fault.kind) {
    case 'rate_limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      return errorResponse(
        429,
        [{ status: 429, title: 'Too Many Requests', detail: `Rate limit exceeded. Retry in ${seconds} seconds.`, code: '429' }],
        { 'retry-after': String(seconds) },
      );
    }
    case 'server_error': {
      const status = fault.status ?? 500;
      return errorResponse(status, [
        { status, title: 'Internal Server Error', detail: 'Something went wrong on the sandbox server (fault).', code: String(status) },
      ]);
    }
    case 'html_error': {
      const status = fault.status ?? 502;
      return {
        status,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!DOCTYPE html>\n<html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><p>The upstream server did not answer.</p></body></html>\n`,
      };
    }
    default:
      return undefined;
  }
}

/** The malformed_json fault: status 200 and only the first half of the real body. */
export function truncated(response: SandboxResponse): SandboxResponse {
  const body = Buffer.from(response.body);
  const cut = body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
  return {
    status: 200,
    headers: { ...response.headers, 'content-type': response.headers['content-type'] ?? 'application/vnd.api+json' },
    body: cut,
  };
}
