import type { IncomingHttpHeaders } from 'node:http';

/** A request after the socket work is done: what every handler sees. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** 'http://host:port' as the client addressed the sandbox. */
  base: string;
}

/** A response before it is written; faults may still rewrite or drop it. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export function jsonResponse(status: number, body: unknown, contentType = 'application/json; charset=utf-8'): SandboxResponse {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(body) };
}

export function emptyResponse(status: number): SandboxResponse {
  return { status, headers: {}, body: '' };
}

export function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
