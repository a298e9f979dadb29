import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("keeps common lines and marks removed before added ones", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { op: " ", text: "a" },
      { op: "-", text: "b" },
      { op: "+", text: "B" },
      { op: " ", text: "c" },
      { op: "+", text: "d" },
    ]);
  });

  it("marks nothing for equal texts", () => {
    expect(lineDiff("x\ny", "x\ny").every((l) => l.op === " ")).toBe(true);
  });
});
