/**
 * Fault switches: make the next matching requests fail the way servers and networks fail, so a
 * client's retry, refresh and error paths can be tested over real HTTP.
 */
export type FaultKind = 'status' | 'rate_limit' | 'html_error' | 'malformed_json' | 'slow' | 'drop';

export const FAULT_KINDS: readonly FaultKind[] = ['status', 'rate_limit', 'html_error', 'malformed_json', 'slow', 'drop'];

interface FaultMatch {
  method?: string;
  /** A substring of the request path, or a RegExp tested against it. */
  path?: string | RegExp;
}

export interface FaultSpec {
  kind: FaultKind;
  match?: FaultMatch;
  /** How many matching requests the fault affects; until cleared when absent. */
  times?: number;
  /** `status`: the HTTP status (default 500); `html_error`: default 502. */
  status?: number;
  /** `status`: the gRPC body's message. */
  message?: string;
  /** `rate_limit`: the Retry-After header (default 1). */
  retryAfterSeconds?: number;
  /** `slow`: the delay (default 1000). */
  ms?: number;
}

export interface Faults {
  /** Adds a fault; several can be active, the first one added that matches wins. */
  set(fault: FaultSpec): void;
  clear(): void;
  active(): FaultSpec[];
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (match?.method !== undefined && match.method.toUpperCase() !== method) return false;
  if (match?.path === undefined) return true;
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path);
}

export class FaultBoard implements Faults {
  private list: ActiveFault[] = [];

  set(fault: FaultSpec): void {
    if (!FAULT_KINDS.includes(fault.kind)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
    if (fault.times !== undefined && (!Number.isInteger(fault.times) || fault.times < 1))
      throw new Error('times must be a positive integer');
    this.list.push({ spec: { ...fault }, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.list = [];
  }

  active(): FaultSpec[] {
    return this.list.map((fault) => ({ ...fault.spec }));
  }

  /** The first active fault of one of `kinds` matching the request, using up one of its times. */
  take(kinds: readonly FaultKind[], method: string, path: string): FaultSpec | undefined {
    const found = this.list.find((fault) => kinds.includes(fault.spec.kind) && matches(fault.spec.match, method, path));
    if (found === undefined) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.list = this.list.filter((fault) => fault !== found);
    return found.spec;
  }
}
