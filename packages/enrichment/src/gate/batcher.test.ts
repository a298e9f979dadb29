import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Batcher } from "./batcher";

/** A run whose batches finish when the test says so, recording what each batch held. */
function controlledRun() {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => release.push(resolve));
    if (items.includes(13)) throw new Error("unlucky batch");
    return items.map((i) => i * 10);
  };
  return { batches, release, run };
}

/** Lets every pending promise callback run, without moving the (fake) clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

// Fake timers: the batcher's only timer is its linger, so the clock moves only when a test says so,
// and "nothing ran yet" holds at an exact instant instead of after a real wait.
describe("Batcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs a first item at once and gathers those that arrive meanwhile, up to maxBatch", async () => {
    const { batches, release, run } = controlledRun();
    const batcher = new Batcher(run, { maxBatch: 3, lingerMs: 0 });
    const first = batcher.submit(1);
    const rest = [2, 3, 4, 5, 6].map((i) => batcher.submit(i));
    await settle();
    expect(batches).toEqual([[1]]);
    release.shift()?.();
    expect(await first).toBe(10);
    await settle();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release.shift()?.();
    await settle();
    release.shift()?.();
    expect(await Promise.all(rest)).toEqual([20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("with a linger, a lone item waits for company", async () => {
    const { batches, release, run } = controlledRun();
    const batcher = new Batcher(run, { maxBatch: 8, lingerMs: 20 });
    const all = [1, 2].map((i) => batcher.submit(i));
    await vi.advanceTimersByTimeAsync(5);
    expect(batches).toEqual([]);
    const late = batcher.submit(3);
    // the linger counts from the first item: 19 ms in, nothing has run; at 20 ms all three go together
    await vi.advanceTimersByTimeAsync(14);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toEqual([[1, 2, 3]]);
    release.shift()?.();
    expect(await Promise.all([...all, late])).toEqual([10, 20, 30]);
  });

  it("rejects the items of a failed batch only, and goes on with the next", async () => {
    const { release, run } = controlledRun();
    const batcher = new Batcher(run, { maxBatch: 2, lingerMs: 0 });
    const first = batcher.submit(1);
    const unlucky = Promise.allSettled([batcher.submit(13), batcher.submit(14)]);
    const after = batcher.submit(15);
    for (let i = 0; i < 3; i++) {
      await settle();
      release.shift()?.();
    }
    expect(await first).toBe(10);
    const reasons = (await unlucky).map((r) => (r.status === "rejected" ? String(r.reason) : r.status));
    expect(reasons).toEqual(["Error: unlucky batch", "Error: unlucky batch"]);
    expect(await after).toBe(150);
  });
});
