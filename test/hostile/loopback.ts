/**
 * A small hostile server on a loopback port: each test says how it answers, and reads back
 * every request it got (method, path, headers, body), so a test can assert what was sent where.
 * The app is pointed at it as ScopeStack's API and sign-in host; a second one plays "elsewhere".
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (request: Received, response: ServerResponse) => void | Promise<void>;

export interface Loopback {
  url: string;
  received: Received[];
  /** How the next requests are answered; the default answers 404. */
  answer: (handler: Handler) => void;
}

const notFound: Handler = (_request, response) => {
  response.writeHead(404, { 'content-type': 'application/vnd.api+json' }).end('{"errors":[{"title":"Record not found","status":"404"}]}');
};

/** Starts one server for the test file; its handler and log are reset after each test. */
export const useLoopback = (): Loopback => {
  let server: Server | undefined;
  let handler: Handler = notFound;
  const loopback: Loopback = {
    url: '',
    received: [],
    answer: (next) => {
      handler = next;
    },
  };
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = {
          method: request.method ?? 'GET',
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        loopback.received.push(received);
        void Promise.resolve(handler(received, response)).catch(() => response.destroy());
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    loopback.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    handler = notFound;
    loopback.received.length = 0;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });
  return loopback;
};

export const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/vnd.api+json', ...headers }).end(JSON.stringify(body));
};

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
