import { explain, packs } from "@isoloir/policy";
import { describe, expect, it } from "vitest";
import { loadCases } from "./case-files";
import { ruleSet, rulesForJurisdiction } from "./index";

/**
 * Every rule id of the research catalogue the rules were written from (its sections 1.A–I, 1.K and 3;
 * §J, sanctions, is metadata), exactly as written there: ids are a contract (docs/rules.md lists them).
 */
const catalogueIds = [
  "FR-CNIL-CLASS-DEFINITIONS",
  "FR-CNIL-SRC-PUBLIC-SECTOR-FILE",
  "FR-CNIL-SRC-OTHER-FUNCTION-FILE",
  "FR-CNIL-SRC-PRIVATE-INTERNAL-FILE",
  "FR-CNIL-SRC-RENTED-COMMERCIAL-FILE",
  "FR-CNIL-SRC-RENTED-FIRST-CONTACT-IS-CONSENT-REQUEST",
  "FR-CNIL-SRC-ASSOCIATION-UNION-FILE",
  "FR-CNIL-SRC-PUBLIC-WEB-OR-SOCIAL-SCRAPE",
  "FR-CNIL-SOCIAL-REGULAR",
  "FR-CNIL-SOCIAL-OCCASIONAL",
  "FR-CNIL-SOCIAL-ENRICHMENT",
  "FR-CNIL-PURPOSE-UNBUNDLING",
  "FR-CNIL-REFERRAL-SINGLE-MESSAGE",
  "FR-CNIL-PRIMARY-PARTICIPANT-FILE",
  "FR-CNIL-REUSE-FOR-OTHER-ELECTIONS",
  "FR-CE-L37-ELECTORAL-LIST-ACCESS",
  "FR-CNIL-ELECTORAL-LIST-USE",
  "FR-CNIL-ELECTORAL-LIST-SEGMENTATION",
  "FR-CNIL-ELECTORAL-LIST-RETENTION",
  "FR-CE-OTHER-VOTER-LISTS",
  "FR-CNIL-EMAIL-OPTIN",
  "FR-CNIL-SMS-OPTIN-STOP",
  "FR-CNIL-AUTOMATED-CALL",
  "FR-CNIL-LIVE-CALL",
  "FR-CNIL-POSTAL-OPTOUT",
  "FR-CNIL-DOOR-TO-DOOR-APP",
  "FR-CNIL-MESSAGE-MANDATORY-CONTENT",
  "EU-GDPR-NOTICE-ART13-14",
  "EU-GDPR-ART21-OBJECTION",
  "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS",
  "EU-GDPR-RIGHTS-AND-CONSENT-MECHANICS",
  "EU-GDPR-ART9-POLITICAL-OPINIONS",
  "EU-EDPB-INFERRED-OPINIONS-PROFILING",
  "EU-TTPA-ART18-AD-TARGETING",
  "FR-LIL-ART45-MINORS",
  "FR-CNIL-NS34-RETENTION",
  "FR-CE-L52-1-NO-PAID-PROMOTION-WINDOW",
  "FR-CE-L49-EVE-BLACKOUT",
  "EU-GDPR-ART30-RECORD",
  "EU-GDPR-ART28-PROCESSORS-AND-SUBPROCESSORS",
  "EU-GDPR-CH5-TRANSFERS",
  "EU-GDPR-DPIA-DPO",
  "FR-CNIL-SECURITY-VOLUNTEER-ACCESS",
  "UK-PECR-CHANNELS",
  "UK-ELECTORAL-REGISTER",
  "UK-SPECIAL-CATEGORY-INFERRED",
  "DE-BMG-50-MELDEREGISTER",
  "DE-ELECTRONIC-CONSENT",
  "LU-CNPD-POSTAL-ART14",
  "US-TCPA-AUTODIALED",
  "ORG-ENRICHMENT-SWITCH",
  "ORG-SUPPRESSION-LIST",
  "ORG-CONSENT-EVIDENCE",
];

/** Rules whose decision only facts a case cannot carry can change: unit-tested in internal-facts.test.ts. */
const internalOnly = ["EU-GDPR-ART30-RECORD", "EU-GDPR-DPIA-DPO", "FR-CNIL-SECURITY-VOLUNTEER-ACCESS"];
/** Rules that never deny from case facts (classification, or allow with obligations); their folders show the boundary. */
const allowOnly = [
  "FR-CNIL-CLASS-DEFINITIONS",
  "FR-CNIL-SOCIAL-REGULAR",
  "FR-CNIL-MESSAGE-MANDATORY-CONTENT",
  "EU-GDPR-NOTICE-ART13-14",
];

describe("the rule set", () => {
  it("holds every catalogue rule under its exact id, once", () => {
    const ids = ruleSet.map((r) => r.id);
    expect([...ids].sort()).toEqual([...catalogueIds].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ruleSet.map((r) => [r.id, r] as const))(
    "%s carries its metadata and explains itself",
    (_id, rule) => {
      expect(packs).toContain(rule.pack);
      expect(rule.id.startsWith(`${rule.pack}-`)).toBe(true);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.citations.length).toBeGreaterThan(0);
      expect(rule.basis.length).toBeGreaterThan(0);
      expect(rule.actions.length).toBeGreaterThan(0);
      for (const lang of ["en", "fr"] as const) {
        const text = explain(rule, lang);
        expect(text).not.toMatch(/undefined|NaN|\[object/);
        expect(text.split("\n").length).toBeGreaterThan(2);
      }
      JSON.parse(JSON.stringify(rule));
    },
  );

  it("applies FR + EU + ORG in France, UK + ORG in the UK, EU + ORG to EU institutions", () => {
    const packsOf = (j: Parameters<typeof rulesForJurisdiction>[0]) =>
      new Set(rulesForJurisdiction(j).map((r) => r.pack));
    expect(packsOf("FR")).toEqual(new Set(["FR", "EU", "ORG"]));
    expect(packsOf("UK")).toEqual(new Set(["UK", "ORG"]));
    expect(packsOf("EU_INSTITUTION")).toEqual(new Set(["EU", "ORG"]));
    expect(packsOf("DE")).toEqual(new Set(["DE", "EU", "ORG"]));
  });
});

describe("the cases", () => {
  const cases = loadCases();
  const inFolder = (id: string) => cases.filter((c) => c.file.split("/")[1] === id);

  it.each(catalogueIds.filter((id) => !internalOnly.includes(id)).map((id) => [id]))(
    "%s has an allow and a deny (or escalate) case beside it",
    (id) => {
      const decisions = new Set(inFolder(id).map((c) => c.case.expect?.decision));
      expect(decisions.has("allow"), `an allow case in cases/*/${id}`).toBe(true);
      expect(decisions.has("deny") || decisions.has("escalate"), `a deny case in cases/*/${id}`).toBe(true);
    },
  );

  it.each(
    catalogueIds.filter((id) => !internalOnly.includes(id) && !allowOnly.includes(id)).map((id) => [id]),
  )("%s is cited by a case that expects it to deny or escalate", (id) => {
    const citing = cases.filter(
      (c) => c.case.expect?.decision !== "allow" && c.case.expect?.rules?.includes(id),
    );
    expect(citing.length, `no deny/escalate case lists ${id} in expect.rules`).toBeGreaterThan(0);
  });
});
