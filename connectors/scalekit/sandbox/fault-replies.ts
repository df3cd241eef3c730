/** The canned answers of the fault switches that replace a response. */
import { grpcBody, grpcNameForHttp } from './grpc-errors.js';
import type { FaultSpec } from './faults.js';
import type { RawReply } from './oauth.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function htmlPage(status: number): string {
  const title = `${status} ${status === 502 ? 'Bad Gateway' : 'Server Error'}`;
  return `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>sandbox</center></body></html>`;
}

export function faultReply(fault: FaultSpec): RawReply | undefined {
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 500;
      const body = grpcBody(grpcNameForHttp(status), fault.message ?? 'injected failure (sandbox fault)');
      return { status, headers: JSON_HEADERS, body: JSON.stringify(body) };
    }
    case 'rate_limit': {
      const retryAfter = String(fault.retryAfterSeconds ?? 1);
      const body = grpcBody('RESOURCE_EXHAUSTED', 'rate limit exceeded');
      return { status: 429, headers: { ...JSON_HEADERS, 'retry-after': retryAfter }, body: JSON.stringify(body) };
    }
    case 'html_error': {
      const status = fault.status ?? 502;
      return { status, headers: { 'content-type': 'text/html; charset=UTF-8' }, body: htmlPage(status) };
    }
    default:
      return undefined;
  }
}

/** The real answer cut in half: JSON that a client cannot parse. */
export const truncated = (reply: RawReply): RawReply => ({
  ...reply,
  body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))),
});
