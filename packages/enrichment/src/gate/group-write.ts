import { appendAudit } from "@isoloir/audit";
import type { Db } from "@isoloir/db";
import { Batcher, type Batching } from "./batcher";
import { type WriteItem, type WriteOptions, type WriteOutcome, writeEnrichments } from "./write";

/**
 * Group commit for one job's writes: a result waits up to `lingerMs` for others (and, while a
 * transaction runs, until it ends), and they go together, so a busy job pays one transaction per batch
 * rather than per contact — on embedded PGlite, where every statement runs on this thread, that is
 * most of a lookup's cost. Every item still gets its own gate check inside the transaction.
 * If a batch fails, its items are written one by one, so that one bad row costs only itself; a call
 * whose write failed is still audited.
 */
export class GroupWriter {
  private readonly batcher: Batcher<WriteItem, WriteOutcome | Error>;

  constructor(
    private readonly db: Db,
    private readonly options: WriteOptions = {},
    batching: Batching = { maxBatch: 32, lingerMs: 10 },
  ) {
    this.batcher = new Batcher((items) => this.writeBatch(items), batching);
  }

  async write(item: WriteItem): Promise<WriteOutcome> {
    const outcome = await this.batcher.submit(item);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  private async writeBatch(items: WriteItem[]): Promise<(WriteOutcome | Error)[]> {
    try {
      return await writeEnrichments(this.db, items, this.options);
    } catch (error) {
      if (items.length === 1) return [await this.failed(items[0] as WriteItem, error)];
      const outcomes: (WriteOutcome | Error)[] = [];
      for (const item of items) outcomes.push(await this.writeOne(item));
      return outcomes;
    }
  }

  private async writeOne(item: WriteItem): Promise<WriteOutcome | Error> {
    try {
      const [outcome] = await writeEnrichments(this.db, [item], this.options);
      return outcome as WriteOutcome;
    } catch (error) {
      return this.failed(item, error);
    }
  }

  private async failed(item: WriteItem, error: unknown): Promise<Error> {
    if (item.audit) await appendAudit(this.db, item.audit).catch(() => undefined);
    return error instanceof Error ? error : new Error(String(error));
  }
}
