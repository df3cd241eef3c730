/**
 * The HTTP server: admin calls go straight to the admin API; every other request may meet a fault,
 * is answered by the token endpoint or the authenticated /api/v1 routes, and is logged.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdmin } from './admin.js';
import type { Controls } from './controls.js';
import { faultReply, truncated } from './fault-replies.js';
import { grpcBody } from './grpc-errors.js';
import { handleTokenRequest, type RawReply } from './oauth.js';
import { dispatchApi } from './router.js';

const REPLACING_FAULTS = ['status', 'rate_limit', 'html_error', 'malformed_json', 'drop'] as const;
const AUTH_MESSAGES = { empty: 'Token empty', expired: 'Token expired', invalid: 'Token invalid' } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every answer carries a trace id, mirrored as grpc-gateway does, like the recorded responses. */
function write(outgoing: ServerResponse, reply: RawReply): void {
  const traceId = randomBytes(16).toString('hex');
  const body = Buffer.from(reply.body, 'utf8');
  outgoing.writeHead(reply.status, {
    ...reply.headers,
    'x-trace-id': traceId,
    'grpc-metadata-x-trace-id': traceId,
    'content-length': String(body.length),
  });
  outgoing.end(body);
}

const jsonReply = (status: number, body: unknown): RawReply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function apiReply(controls: Controls, method: string, url: URL, rawBody: string, authorization: string | undefined): RawReply {
  const { env, tokens } = controls;
  const check = tokens.check(authorization, env.clock.now());
  if (check !== 'valid') return jsonReply(401, grpcBody('UNAUTHENTICATED', AUTH_MESSAGES[check]));
  const reply = dispatchApi(method, url.pathname, url.searchParams, rawBody, env);
  return jsonReply(reply.status, reply.body);
}

function answer(controls: Controls, method: string, url: URL, rawBody: string, authorization: string | undefined): RawReply {
  if (url.pathname === '/oauth/token') {
    const { clientId, clientSecret } = controls.seed;
    const context = { tokens: controls.tokens, now: controls.env.clock.now(), issuer: url.origin, credentials: { clientId, clientSecret } };
    return handleTokenRequest(method, rawBody, context);
  }
  if (url.pathname.startsWith('/api/v1/')) return apiReply(controls, method, url, rawBody, authorization);
  return jsonReply(404, { code: 5, message: 'Not Found', details: [] });
}

async function handle(controls: Controls, latencyMs: number, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const method = (incoming.method ?? 'GET').toUpperCase();
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
  const rawBody = await readBody(incoming);
  const path = url.pathname;
  if (path === '/__admin' || path.startsWith('/__admin/')) {
    write(outgoing, handleAdmin(controls, method, path, url.searchParams, rawBody));
    return;
  }
  const slow = controls.faults.take(['slow'], method, path);
  const delay = latencyMs + (slow === undefined ? 0 : (slow.ms ?? 1000));
  if (delay > 0) await sleep(delay);
  const fault = controls.faults.take(REPLACING_FAULTS, method, path);
  const logged = (status: number) => ({
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    status,
    ...(fault ? { fault: fault.kind } : {}),
  });
  if (fault?.kind === 'drop') {
    controls.log.add(logged(0));
    incoming.socket.destroy();
    return;
  }
  const reply = (fault && faultReply(fault)) ?? answer(controls, method, url, rawBody, incoming.headers.authorization);
  controls.log.add(logged(reply.status));
  write(outgoing, fault?.kind === 'malformed_json' ? truncated(reply) : reply);
}

/** An HTTP server for the sandbox; the caller binds it to 127.0.0.1. */
export function createSandboxServer(controls: Controls, latencyMs: number): Server {
  return createServer((incoming, outgoing) => {
    handle(controls, latencyMs, incoming, outgoing).catch((error: unknown) => {
      console.error('[scalekit sandbox] request failed', error);
      if (outgoing.headersSent) outgoing.destroy();
      else write(outgoing, jsonReply(500, grpcBody('INTERNAL', 'the sandbox failed while handling this request')));
    });
  });
}
