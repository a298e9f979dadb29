import { keyDifferences } from "@isoloir/ui";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

describe("admin strings", () => {
  it("have the same keys in French and English", () => {
    expect(keyDifferences(fr, en)).toEqual({ onlyInA: [], onlyInB: [] });
  });
});
