import type { FaultKind } from './faults.js';

export type AuthorizationKind = 'bearer' | 'basic' | 'none';

/** One request as the sandbox saw it. Never holds secrets, tokens or bodies. */
export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  at: string;
  authorization: AuthorizationKind;
  grantType?: string;
  /** The fault that shaped this answer, if any (status 0 = socket dropped before handling). */
  fault?: FaultKind;
}

export interface RequestLog {
  entries(): LogEntry[];
  count(method?: string, pathSubstring?: string): number;
  reset(): void;
}

/** Query keys whose values could be credentials; they are logged as `[redacted]`. */
const SENSITIVE_QUERY_KEY = /secret|token|password|code|assertion/i;

export class MemoryRequestLog implements RequestLog {
  private readonly list: LogEntry[] = [];

  add(entry: LogEntry): void {
    this.list.push(entry);
  }

  entries(): LogEntry[] {
    return this.list.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  count(method?: string, pathSubstring?: string): number {
    return this.list.filter(
      (entry) =>
        (method === undefined || entry.method === method.toUpperCase()) &&
        (pathSubstring === undefined || entry.path.includes(pathSubstring)),
    ).length;
  }

  reset(): void {
    this.list.length = 0;
  }
}

export function authorizationKind(header: string | undefined): AuthorizationKind {
  if (header === undefined) return 'none';
  if (/^bearer\s/i.test(header)) return 'bearer';
  if (/^basic\s/i.test(header)) return 'basic';
  return 'none';
}

export function loggableQuery(params: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    query[key] = SENSITIVE_QUERY_KEY.test(key) ? '[redacted]' : value;
  }
  return query;
}
