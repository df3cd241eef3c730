import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Services } from '../services.js';
import type { Admin } from '../admin/admin.js';
import { handleAdmin } from '../admin/admin-routes.js';
import { authorizationKind, loggableQuery, type LogEntry } from '../request-log.js';
import type { FaultSpec } from '../faults.js';
import { apiError } from '../json-api/errors.js';
import { dispatch } from './dispatch.js';
import { faultResponse, truncated } from './fault-responses.js';
import { readBody } from './read-body.js';
import { header, type SandboxRequest, type SandboxResponse } from './types.js';

const REQUEST_FAULTS = ['rate_limit', 'server_error', 'html_error', 'drop_before', 'drop_after', 'malformed_json'] as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function write(response: ServerResponse, answer: SandboxResponse): void {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  response.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
  response.end(body);
}

function grantTypeOf(request: SandboxRequest): string | undefined {
  if (request.url.pathname !== '/oauth/token') return undefined;
  return new URLSearchParams(request.body.toString('utf8')).get('grant_type') ?? undefined;
}

function logEntry(request: SandboxRequest, status: number, services: Services, fault?: FaultSpec): LogEntry {
  const grantType = grantTypeOf(request);
  return {
    method: request.method,
    path: request.url.pathname,
    query: loggableQuery(request.url.searchParams),
    status,
    at: services.clock.now().toISOString(),
    authorization: authorizationKind(header(request, 'authorization')),
    ...(grantType === undefined ? {} : { grantType }),
    ...(fault === undefined ? {} : { fault: fault.kind }),
  };
}

function toRequest(incoming: IncomingMessage, body: Buffer, fallbackHost: string): SandboxRequest {
  const host = incoming.headers.host ?? fallbackHost;
  const base = `http://${host}`;
  return {
    method: (incoming.method ?? 'GET').toUpperCase(),
    url: new URL(incoming.url ?? '/', base),
    headers: incoming.headers,
    body,
    base,
  };
}

/** Runs a handler, turning an unexpected exception into a 500 JSON:API error. */
function safely(run: () => SandboxResponse): SandboxResponse {
  try {
    return run();
  } catch (error) {
    console.error('[sandbox] unexpected error', error);
    return apiError(500, 'Internal Server Error', 'The sandbox failed while handling this request.');
  }
}

async function handle(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  services: Services,
  admin: Admin,
  latencyMs: number,
  fallbackHost: string,
): Promise<void> {
  const method = (incoming.method ?? 'GET').toUpperCase();
  const path = new URL(incoming.url ?? '/', 'http://sandbox').pathname;
  if (path === '/__admin' || path.startsWith('/__admin/')) {
    const request = toRequest(incoming, await readBody(incoming), fallbackHost);
    write(outgoing, handleAdmin(request, admin, services));
    return;
  }
  const latency = services.faults.take(['latency'], method, path);
  const delay = latencyMs + (latency === undefined ? 0 : (latency.ms ?? 1000));
  if (delay > 0) await sleep(delay);
  const fault = services.faults.take(REQUEST_FAULTS, method, path);
  if (fault?.kind === 'drop_before') {
    services.log.add(logEntry(toRequest(incoming, Buffer.alloc(0), fallbackHost), 0, services, fault));
    incoming.socket.destroy();
    return;
  }
  const request = toRequest(incoming, await readBody(incoming), fallbackHost);
  const canned = fault === undefined ? undefined : faultResponse(fault);
  const answer = canned ?? safely(() => dispatch(request, services));
  services.store.save();
  services.log.add(logEntry(request, answer.status, services, fault ?? latency));
  if (fault?.kind === 'drop_after') {
    incoming.socket.destroy();
    return;
  }
  write(outgoing, fault?.kind === 'malformed_json' ? truncated(answer) : answer);
}

/** An HTTP server for the sandbox; the caller binds it (to 127.0.0.1 only). */
export function createSandboxServer(services: Services, admin: Admin, latencyMs: number): Server {
  const server = createServer((incoming, outgoing) => {
    const address = server.address();
    const fallbackHost = typeof address === 'object' && address !== null ? `127.0.0.1:${address.port}` : '127.0.0.1';
    handle(incoming, outgoing, services, admin, latencyMs, fallbackHost).catch((error: unknown) => {
      console.error('[sandbox] request failed', error);
      if (!outgoing.headersSent) write(outgoing, apiError(500, 'Internal Server Error', 'The sandbox failed while handling this request.'));
      else outgoing.destroy();
    });
  });
  return server;
}
