import { describe, expect, it } from "vitest";
import {
  afterDay,
  and,
  dayOf,
  enrichmentSwitchOn,
  eq,
  exists,
  has,
  lastRound,
  not,
  objectionCoversAll,
  objectionCoversChannel,
  oneOf,
  or,
  plusDays,
  plusLitigationWindow,
  roundWindow,
  validConsent,
  validConsentForAction,
} from "./builder";
import { compileNode } from "./compile";
import { EvalContext } from "./context";
import type { Consent, EngineFacts } from "./facts";
import type { Node } from "./nodes";
import { testFacts } from "./testing/facts";

const holds = (node: Node, facts: EngineFacts): boolean =>
  compileNode(node)(
    new EvalContext(facts, (s) => (s === "newsletter_signup" ? "regular_contact" : "prospect")),
  );

const consent = (extra: Partial<Consent> = {}): Consent => ({
  scope: "political_email",
  mechanism: "unticked_checkbox",
  capturedAt: "2026-10-01T09:00:00Z",
  evidenceRef: "form:1",
  bundled: false,
  ...extra,
});

describe("fact nodes", () => {
  it("reads the derived class when a case states none", () => {
    expect(holds(eq("contact.class", "regular_contact"), testFacts())).toBe(true);
    expect(holds(eq("contact.class", "member"), testFacts({}, { class: "member" }))).toBe(true);
  });

  it("compares an absent optional fact as false, in either polarity of eq", () => {
    expect(holds(eq("contact.vendorAttestation.optOutOffered", false), testFacts())).toBe(false);
    expect(holds(eq("contact.vendorAttestation.optOutOffered", true), testFacts())).toBe(false);
  });

  it("applies the case format's defaults to internal facts", () => {
    expect(holds(eq("processingRecordEntry", true), testFacts())).toBe(true);
    expect(holds(eq("phone.mobile", true), testFacts())).toBe(true);
    expect(holds(eq("actor.role", "staff"), testFacts())).toBe(true);
    expect(holds(eq("purpose", "political_communication"), testFacts())).toBe(true);
    expect(holds(eq("purpose", "commercial"), testFacts({ controller: { type: "company" } }))).toBe(true);
  });

  it("reads UK as GB and defaults the contact's country to the jurisdiction's", () => {
    expect(holds(eq("contact.country", "GB"), testFacts({}, { country: "UK" }))).toBe(true);
    expect(holds(eq("contact.country", "FR"), testFacts())).toBe(true);
    expect(holds(exists("contact.country"), testFacts({ jurisdiction: "EU_INSTITUTION" }))).toBe(false);
  });

  it("tests list membership and presence", () => {
    const facts = testFacts({}, { dataCategories: ["identity", "social_profile"] });
    expect(holds(has("contact.dataCategories", "social_profile", "birth_date"), facts)).toBe(true);
    expect(holds(has("audience.selectors", "birth_place"), facts)).toBe(false);
    expect(holds(oneOf("contact.source", ["donation", "newsletter_signup"]), facts)).toBe(true);
    expect(
      holds(
        and(not(exists("contact.objection")), or(eq("jurisdiction", "DE"), eq("jurisdiction", "FR"))),
        facts,
      ),
    ).toBe(true);
  });
});

describe("time nodes", () => {
  const retentionEnd = afterDay(plusDays(dayOf("contact.lastMessageAt"), 60));

  it("denies from the end of the local day X + N on, not before", () => {
    const last = { lastMessageAt: "2027-01-01T10:00:00Z" };
    // 2027-01-01 + 60 days = 2027-03-02; its end is 2027-03-03 00:00 in Paris (2027-03-02T23:00Z)
    expect(holds(retentionEnd, testFacts({ at: "2027-03-02T22:59:59Z" }, last))).toBe(false);
    expect(holds(retentionEnd, testFacts({ at: "2027-03-02T23:00:00Z" }, last))).toBe(true);
  });

  it("is false when the instant it needs is absent", () => {
    expect(holds(retentionEnd, testFacts({ at: "2030-01-01T00:00:00Z" }))).toBe(false);
    expect(holds(not(retentionEnd), testFacts({ at: "2030-01-01T00:00:00Z" }))).toBe(true);
  });

  it("adds the litigation window, 10 days by default", () => {
    const closed = afterDay(plusLitigationWindow(lastRound));
    const election = { type: "legislative", rounds: ["2027-06-13", "2027-06-20"] };
    expect(holds(closed, testFacts({ election, at: "2027-06-30T21:59:00Z" }))).toBe(false);
    expect(holds(closed, testFacts({ election, at: "2027-06-30T22:00:00Z" }))).toBe(true);
  });

  it("finds the eve-of-round window in the jurisdiction's zone", () => {
    const blackout = roundWindow({ days: -1, time: "00:00" }, { days: 0, time: "20:00" });
    expect(holds(blackout, testFacts({ at: "2027-04-09T21:59:59Z" }))).toBe(false);
    expect(holds(blackout, testFacts({ at: "2027-04-09T22:00:00Z" }))).toBe(true);
    expect(holds(blackout, testFacts({ at: "2027-04-11T17:59:59Z" }))).toBe(true);
    expect(holds(blackout, testFacts({ at: "2027-04-11T18:00:00Z" }))).toBe(false);
    expect(holds(blackout, testFacts({ at: "2027-04-24T12:00:00Z" }))).toBe(true);
  });
});

describe("consent and objection nodes", () => {
  const valid = validConsent("political_email");

  it("counts a provable consent given before the decision", () => {
    expect(holds(valid, testFacts({}, { consents: [consent()] }))).toBe(true);
  });

  it.each([
    ["a pre-ticked box", { mechanism: "pre_ticked" as const }],
    ["no mechanism", { mechanism: "none" as const }],
    ["no evidence", { evidenceRef: undefined }],
    ["a bundled consent", { bundled: true }],
    ["a consent captured after the decision", { capturedAt: "2027-03-02T00:00:00Z" }],
    ["a consent withdrawn before the decision", { withdrawnAt: "2027-02-01T00:00:00Z" }],
  ])("treats %s as absent", (_label, extra) => {
    expect(holds(valid, testFacts({}, { consents: [consent(extra)] }))).toBe(false);
  });

  it("keeps a consent withdrawn only after the decision", () => {
    expect(
      holds(valid, testFacts({}, { consents: [consent({ withdrawnAt: "2027-04-01T00:00:00Z" })] })),
    ).toBe(true);
  });

  it("maps the action's channel to the scope it needs", () => {
    const sms = testFacts(
      { action: { type: "contact", channel: "sms", messageKind: "political" } },
      { consents: [consent()] },
    );
    expect(holds(validConsentForAction(), sms)).toBe(false);
    expect(holds(validConsentForAction(), testFacts({}, { consents: [consent()] }))).toBe(true);
    expect(holds(validConsentForAction(["parental_joint"]), testFacts({}, { consents: [consent()] }))).toBe(
      false,
    );
  });

  it("applies an objection from its time on, to its channels", () => {
    const objection = { at: "2027-02-01T00:00:00Z", scope: ["sms", "email"] as ("sms" | "email")[] };
    expect(holds(objectionCoversChannel, testFacts({}, { objection }))).toBe(true);
    expect(holds(objectionCoversAll, testFacts({}, { objection }))).toBe(false);
    expect(holds(objectionCoversChannel, testFacts({ at: "2027-01-15T00:00:00Z" }, { objection }))).toBe(
      false,
    );
  });

  it("reads the enrichment switch of the contact's country, UK keys as GB", () => {
    const on = { enrichment: { UK: true, FR: false } };
    expect(holds(enrichmentSwitchOn, testFacts({ settings: on }, { country: "GB" }))).toBe(true);
    expect(holds(enrichmentSwitchOn, testFacts({ settings: on }))).toBe(false);
    expect(holds(enrichmentSwitchOn, testFacts({}, { country: "GB" }))).toBe(false);
  });
});
