import type { Network } from "./population";

export const outcomes = [
  "found",
  "not_found",
  "rate_limited",
  "server_error",
  "unauthorized",
  "forbidden",
  "bad_request",
  "aborted",
] as const;
export type Outcome = (typeof outcomes)[number];

/** One lookup as the sandbox saw it. Times are epoch milliseconds from the wall clock (`Date.now()`). */
export interface LogEntry {
  /** Arrival order, from 1; never reused, even after a clear. */
  id: number;
  network: Network;
  /** The email hash sent, or null when the request carried none (bad request, refused token). */
  emailHash: string | null;
  method: string;
  /** When the request reached the sandbox, ISO 8601 (same instant as `startedAt`). */
  receivedAt: string;
  /** When the sandbox started handling it: the instant to compare with a commit time. */
  startedAt: number;
  /** When the answer was written, or null while it is still pending (latency). */
  answeredAt: number | null;
  /** HTTP status sent (0 while pending, or if the client went away first). */
  status: number;
  outcome: Outcome | null;
}

export const nowMs = () => Date.now();

/** The in-memory request log, bounded: beyond `limit` the oldest entries go and `dropped` counts them. */
export class RequestLog {
  private entries: LogEntry[] = [];
  private nextId = 1;
  dropped = 0;

  constructor(private readonly limit: number) {}

  start(network: Network, method: string): LogEntry {
    const startedAt = nowMs();
    const entry: LogEntry = {
      id: this.nextId++,
      network,
      emailHash: null,
      method,
      receivedAt: new Date(startedAt).toISOString(),
      startedAt,
      answeredAt: null,
      status: 0,
      outcome: null,
    };
    this.entries.push(entry);
    if (this.entries.length > this.limit) {
      const excess = this.entries.length - this.limit;
      this.entries.splice(0, excess);
      this.dropped += excess;
    }
    return entry;
  }

  finish(entry: LogEntry, status: number, outcome: Outcome): void {
    entry.answeredAt = nowMs();
    entry.status = status;
    entry.outcome = outcome;
  }

  /** Copies of the entries after `sinceId` (exclusive), optionally for one network. */
  list(filter: { sinceId?: number; network?: Network } = {}): LogEntry[] {
    return this.entries
      .filter(
        (e) => e.id > (filter.sinceId ?? 0) && (filter.network === undefined || e.network === filter.network),
      )
      .map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
    this.dropped = 0;
  }
}
