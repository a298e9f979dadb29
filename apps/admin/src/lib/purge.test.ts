import { describe, expect, it } from "vitest";
import { openingStep, percent, reachedStep, shortHash } from "./purge";

describe("the purge wizard's steps", () => {
  it("opens a plan waiting for approval on its review, and a completed one on its certificate", () => {
    expect(openingStep("planned")).toBe(1);
    expect(reachedStep("planned")).toBe(2);
    expect(openingStep("approved")).toBe(3);
    expect(openingStep("running")).toBe(3);
    expect(openingStep("completed")).toBe(4);
    expect(reachedStep("expired")).toBe(1);
  });

  it("counts progress in whole percent, an empty plan as done", () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(100);
    expect(percent(5, 4)).toBe(100);
  });

  it("shortens a 64-hex hash for reading", () => {
    expect(shortHash("a".repeat(64))).toBe(`${"a".repeat(12)}…${"a".repeat(6)}`);
  });
});
