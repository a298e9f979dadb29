import { describe, expect, it } from "vitest";
import { vocabularies } from "../vocab";
import { keyDifferences, leafKeys } from "./keys";
import { sharedEn } from "./shared-en";
import { sharedFr } from "./shared-fr";

describe("shared strings", () => {
  it("have the same keys in French and English", () => {
    expect(keyDifferences(sharedFr, sharedEn)).toEqual({ onlyInA: [], onlyInB: [] });
  });

  it("label every value of every vocabulary in both languages", () => {
    for (const [name, values] of Object.entries(vocabularies)) {
      for (const value of values) {
        expect(leafKeys(sharedFr)).toContain(`vocab.${name}.${value}`);
        expect(leafKeys(sharedEn)).toContain(`vocab.${name}.${value}`);
      }
    }
  });

  it("leave no string empty", () => {
    const empty = (tree: object): boolean =>
      Object.values(tree).some((v) => (typeof v === "string" ? v.trim() === "" : empty(v)));
    expect(empty(sharedFr)).toBe(false);
    expect(empty(sharedEn)).toBe(false);
  });
});
