import { AccountError } from "./errors";

export interface PasswordQueueOptions {
  /** password hashes computed at once */
  concurrency: number;
  /** callers that may wait for a slot; more are refused at once */
  maxWaiting: number;
  /** how long a caller waits for a slot before it is refused */
  maxWaitMs: number;
}

/**
 * Bounds concurrent password work (argon2id costs 19 MiB and tens of milliseconds each; a sign-in holds a
 * slot from its first statement to its session), so a flood of sign-ins cannot queue a legitimate one
 * behind thousands of others: a few wait briefly, the rest are refused with `throttled` (HTTP 429,
 * Retry-After) at once.
 */
export class PasswordQueue {
  private running = 0;
  private readonly waiting: { grant: () => void }[] = [];

  constructor(readonly options: PasswordQueueOptions) {}

  get active() {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.options.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxWaiting) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(busy());
      }, this.options.maxWaitMs);
      this.waiting.push(entry);
    });
  }

  private release() {
    const next = this.waiting.shift();
    // the slot passes straight to the next caller, so `running` stays as it is
    if (next) next.grant();
    else this.running--;
  }
}

const busy = () =>
  new AccountError("throttled", "the server is busy checking passwords: try again in 1 s", 1);

/** This process's queue: two at once (a small server has two cores), eight waiting up to 2 s. */
export const passwordQueue = new PasswordQueue({ concurrency: 2, maxWaiting: 8, maxWaitMs: 2000 });
