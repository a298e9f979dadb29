import { describe, expect, it } from "vitest";
import { jurisdictionOfCountry, normaliseCountry } from "./vocabulary";

describe("normaliseCountry", () => {
  it("upper-cases and reads UK as GB", () => {
    expect(["FR", "fr", "uk", "UK", "Gb", "GB"].map(normaliseCountry)).toEqual([
      "FR",
      "FR",
      "GB",
      "GB",
      "GB",
      "GB",
    ]);
  });
});

describe("jurisdictionOfCountry", () => {
  it("is the jurisdiction whose own country it is, GB and UK alike", () => {
    expect(["fr", "DE", "LU", "GB", "uk", "US"].map(jurisdictionOfCountry)).toEqual([
      "FR",
      "DE",
      "LU",
      "UK",
      "UK",
      "US",
    ]);
  });
  it("is none for a country without a rule pack", () => {
    expect(jurisdictionOfCountry("IT")).toBeUndefined();
    expect(jurisdictionOfCountry("")).toBeUndefined();
  });
});
