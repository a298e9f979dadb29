import { appendAudit } from "@isoloir/audit";
import type { Db } from "@isoloir/db";
import { type WriteItem, type WriteOptions, type WriteOutcome, writeEnrichments } from "./write";

interface Waiting {
  item: WriteItem;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one job's writes: a result waits up to `lingerMs` for others (and, while a
 * transaction runs, until it ends), and they go together, so a busy job pays one transaction per batch
 * rather than per contact — on embedded PGlite, where every statement runs on this thread, that is
 * most of a lookup's cost. Every item still gets its own gate check inside the transaction.
 * If a batch fails, its items are written one by one, so that one bad row costs only itself; a call
 * whose write failed is still audited.
 */
export class GroupWriter {
  private readonly waiting: Waiting[] = [];
  private draining = false;

  constructor(
    private readonly db: Db,
    private readonly options: WriteOptions = {},
    private readonly batching: { maxBatch: number; lingerMs: number } = { maxBatch: 32, lingerMs: 10 },
  ) {}

  write(item: WriteItem): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      const { maxBatch, lingerMs } = this.batching;
      while (this.waiting.length > 0) {
        if (lingerMs > 0 && this.waiting.length < maxBatch) await new Promise((r) => setTimeout(r, lingerMs));
        await this.writeBatch(this.waiting.splice(0, maxBatch));
      }
    } finally {
      this.draining = false;
    }
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await writeEnrichments(this.db, batch.map((w) => w.item), this.options);
      for (const [i, w] of batch.entries()) w.resolve(outcomes[i] as WriteOutcome);
    } catch (error) {
      if (batch.length === 1) return this.failed(batch[0] as Waiting, error);
      for (const one of batch) {
        await writeEnrichments(this.db, [one.item], this.options).then(
          ([outcome]) => one.resolve(outcome as WriteOutcome),
          (e: unknown) => this.failed(one, e),
        );
      }
    }
  }

  private async failed(one: Waiting, error: unknown): Promise<void> {
    if (one.item.audit) await appendAudit(this.db, one.item.audit).catch(() => undefined);
    one.reject(error);
  }
}
