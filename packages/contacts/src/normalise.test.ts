import { describe, expect, it } from "vitest";
import { identifierHmac, normaliseEmail, normalisePhone } from "./normalise";

describe("normaliseEmail", () => {
  it("lower-cases and trims an address", () => {
    expect(normaliseEmail("  Marie.Dupont@Example.FR ")).toBe("marie.dupont@example.fr");
  });
  it("returns null for something that is not an address", () => {
    expect(normaliseEmail("marie at example")).toBeNull();
    expect(normaliseEmail("")).toBeNull();
  });
});

describe("normalisePhone", () => {
  it("reads a French national number as E.164", () => {
    expect(normalisePhone("06 12 34 56 78")).toBe("+33612345678");
  });
  it("keeps an international number in its own country", () => {
    expect(normalisePhone("+49 30 901820", "FR")).toBe("+4930901820");
  });
  it("returns null for an invalid number", () => {
    expect(normalisePhone("12")).toBeNull();
  });
});

describe("identifierHmac", () => {
  it("depends on the key and the organisation", () => {
    const a = identifierHmac("k", "org1", "a@b.fr");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(identifierHmac("k", "org2", "a@b.fr")).not.toBe(a);
    expect(identifierHmac("k2", "org1", "a@b.fr")).not.toBe(a);
  });
});
