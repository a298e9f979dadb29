import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  identifierHmac,
  identityKey,
  normaliseBirthDate,
  normaliseEmail,
  normaliseName,
  normalisePhone,
} from "./normalise";

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

// Names as clerks, forms and people write them: accents or none, any case, hyphens, apostrophes and
// spaces as they come.
const letters = "abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöùûüçœæñ";
const wordArb = fc
  .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(""));
const separatorArb = fc.constantFrom(" ", "  ", "-", " - ", "'", "’", "\u2011", "\t", "--");
const nameArb = fc
  .tuple(wordArb, fc.array(fc.tuple(separatorArb, wordArb), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join(""));
/** The same name spelt another way: case, accents stripped or decomposed, separators swapped, padded. */
const respelt = (name: string, variant: number): string => {
  const cased = variant & 1 ? name.toUpperCase() : name.toLowerCase();
  const accents =
    variant & 2
      ? cased
          .normalize("NFD")
          .replace(/\p{M}/gu, "")
          .replace(/œ/g, "oe")
          .replace(/Œ/g, "OE")
          .replace(/æ/g, "ae")
          .replace(/Æ/g, "AE")
      : variant & 4
        ? cased.normalize("NFD")
        : cased;
  const separators = variant & 8 ? accents.replace(/[-'’\u2011\s]+/g, " ") : accents;
  return variant & 16 ? `  ${separators}\t` : separators;
};

describe("normaliseName", () => {
  it("removes diacritics, upper-cases, and reads hyphens, apostrophes and spaces as one space", () => {
    expect(normaliseName("  Jean-Éric  d’Ornano ")).toBe("JEAN ERIC D ORNANO");
    expect(normaliseName("Lætitia Cœur")).toBe("LAETITIA COEUR");
    expect(normaliseName("José María")).toBe("JOSE MARIA");
    expect(normaliseName(" - ")).toBeNull();
  });
  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(nameArb, fc.string({ unit: "grapheme", maxLength: 20 })), (raw) => {
        const once = normaliseName(raw);
        expect(normaliseName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
  it("gives equivalent spellings of a name the same key", () => {
    fc.assert(
      fc.property(nameArb, fc.nat({ max: 31 }), (name, variant) => {
        expect(normaliseName(respelt(name, variant))).toBe(normaliseName(name));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("identityKey", () => {
  it("needs birth name, first names and a real birth date", () => {
    expect(identityKey("Dupont", "Marie Claire", "1980-02-29")).toBe("DUPONT|MARIE CLAIRE|1980-02-29");
    expect(identityKey("Dupont", "Marie", "1981-02-29")).toBeNull();
    expect(identityKey("Dupont", "", "1980-02-03")).toBeNull();
    expect(identityKey(null, "Marie", "1980-02-03")).toBeNull();
    expect(identityKey("Dupont", "Marie", "03/02/1980")).toBeNull();
  });
  it("matches the same person however the names are written, and only them", () => {
    fc.assert(
      fc.property(
        nameArb,
        nameArb,
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2020-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.nat({ max: 31 }),
        (birthName, firstNames, born, variant) => {
          const date = born.toISOString().slice(0, 10);
          const key = identityKey(birthName, firstNames, date);
          expect(key).not.toBeNull();
          expect(identityKey(respelt(birthName, variant), respelt(firstNames, variant >> 1), born)).toBe(key);
          expect(
            identityKey(
              birthName,
              firstNames,
              normaliseBirthDate(`${Number(date.slice(0, 4)) + 1}${date.slice(4)}`),
            ),
          ).not.toBe(key);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
