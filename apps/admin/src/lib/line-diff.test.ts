import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

describe("lineDiff", () => {
  it("keeps common lines and marks the changed one as removed then added", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
    ]);
  });

  it("treats an empty side as no lines at all", () => {
    expect(lineDiff("", "x\ny").map((l) => l.kind)).toEqual(["added", "added"]);
    expect(lineDiff("x", "").map((l) => l.kind)).toEqual(["removed"]);
    expect(lineDiff("", "")).toEqual([]);
  });

  it("finds lines inserted in the middle without touching the rest", () => {
    const kinds = lineDiff("1\n2\n3\n4", "1\n2\nnew\n3\n4").map((l) => l.kind);
    expect(kinds).toEqual(["same", "same", "added", "same", "same"]);
  });
});
