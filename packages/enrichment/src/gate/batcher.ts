interface Waiting<I, O> {
  item: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

export interface Batching {
  /** the most items one call of `run` takes */
  maxBatch: number;
  /** how long a first item waits for others before its batch runs (0: only while a batch runs) */
  lingerMs: number;
}

/**
 * Turns single requests into batches for `run`, one batch at a time: requests that arrive while a
 * batch runs (or within `lingerMs` of the first) go together in the next. A busy caller pays one
 * statement or transaction per batch; an idle one waits at most `lingerMs`. `run` answers every item
 * of its batch, in order; if it throws, every item of that batch is rejected with the error.
 */
export class Batcher<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private draining = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly batching: Batching,
  ) {}

  submit(item: I): Promise<O> {
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
        await this.runBatch(this.waiting.splice(0, maxBatch));
      }
    } finally {
      this.draining = false;
    }
  }

  private async runBatch(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(outputs[i] as O);
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
