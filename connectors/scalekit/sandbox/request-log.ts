/** The requests the sandbox answered (admin calls excluded). Never holds bodies, tokens or secrets. */
import type { FaultKind } from './faults.js';

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 when the connection was dropped. */
  status: number;
  fault?: FaultKind;
}

export interface RequestLog {
  entries(): LogEntry[];
  reset(): void;
}

export class MemoryRequestLog implements RequestLog {
  private list: LogEntry[] = [];

  add(entry: LogEntry): void {
    this.list.push(entry);
  }

  entries(): LogEntry[] {
    return this.list.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  reset(): void {
    this.list = [];
  }
}
