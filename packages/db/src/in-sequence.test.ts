import { describe, expect, it } from "vitest";
import { inSequence } from "./in-sequence";

describe("inSequence", () => {
  it("starts each query only after the one before has finished, and keeps their order", async () => {
    const log: string[] = [];
    const step = (name: string, value: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`end ${name}`);
      return value;
    };
    const results = await inSequence([step("a", 1), step("b", 2), step("c", 3)]);
    expect(results).toEqual([1, 2, 3]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });
});
