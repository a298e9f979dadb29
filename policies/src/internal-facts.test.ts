import type { EngineFacts } from "@isoloir/policy";
import { describe, expect, it } from "vitest";
import { policy } from "./index";

// Rules (or branches) that only facts a case file cannot carry can trigger: the record of processing,
// the notice, the DPIA, the actor, phone lines, message content, paid boosting, segments, exports.

const election = {
  type: "presidential",
  rounds: ["2027-04-11", "2027-04-25"],
  resultsProclaimedAt: "2027-04-28",
};
const facts = (extra: Partial<EngineFacts>, contact: Partial<EngineFacts["contact"]> = {}): EngineFacts => ({
  at: "2027-03-01T10:00:00Z",
  jurisdiction: "FR",
  controller: { type: "party" },
  election,
  action: { type: "contact", channel: "email", messageKind: "political" },
  ...extra,
  contact: { source: "newsletter_signup", ...contact },
});
const decide = (f: EngineFacts) => policy().evaluate(f);
const cited = (f: EngineFacts) => decide(f).reasons.map((r) => r.ruleId);
const consent = (scope: "political_email" | "political_sms" | "share_with_named_third_party") => ({
  scope,
  mechanism: "double_opt_in" as const,
  capturedAt: "2026-10-01T09:00:00Z",
  evidenceRef: "form:1",
});

describe("accountability facts", () => {
  it("denies an import while the record of processing has no entry", () => {
    const f = facts({ action: { type: "import" }, processingRecordEntry: false });
    expect(decide(f).decision).toBe("deny");
    expect(cited(f)).toContain("EU-GDPR-ART30-RECORD");
    expect(decide(facts({ action: { type: "import" } })).decision).toBe("allow");
  });

  it("escalates recording opinions without a DPIA", () => {
    const f = facts(
      { action: { type: "record", category: "political_opinion_declared" }, dpiaDone: false },
      { source: "membership" },
    );
    expect(decide(f)).toMatchObject({ decision: "escalate", reasons: [{ ruleId: "EU-GDPR-DPIA-DPO" }] });
    expect(decide({ ...f, dpiaDone: true }).decision).toBe("allow");
  });

  it("denies an import while the notice is incomplete or unpublished", () => {
    expect(cited(facts({ action: { type: "import" }, notice: { complete: false } }))).toContain(
      "EU-GDPR-NOTICE-ART13-14",
    );
    expect(cited(facts({ action: { type: "import" }, notice: { published: false } }))).toContain(
      "EU-GDPR-ART28-PROCESSORS-AND-SUBPROCESSORS",
    );
  });
});

describe("the actor", () => {
  it("denies a volunteer's bulk export", () => {
    const f = facts({
      action: { type: "export", targetPurpose: "political_communication" },
      actor: { role: "volunteer" },
    });
    expect(cited(f)).toEqual(["FR-CNIL-SECURITY-VOLUNTEER-ACCESS"]);
    expect(decide({ ...f, actor: { role: "staff" } }).decision).toBe("allow");
  });

  it("denies a volunteer reaching a contact outside their assigned lists", () => {
    const f = facts({
      action: { type: "contact", channel: "live_call", messageKind: "political" },
      actor: { role: "volunteer", assigned: false },
    });
    expect(cited(f)).toContain("FR-CNIL-SECURITY-VOLUNTEER-ACCESS");
    expect(decide({ ...f, actor: { role: "volunteer" } }).decision).toBe("allow");
  });
});

describe("message content", () => {
  it("denies a political message known to lack an opt-out", () => {
    const f = facts({ message: { includesOptOut: false } });
    expect(cited(f)).toContain("FR-CNIL-MESSAGE-MANDATORY-CONTENT");
  });

  it("denies an electoral-list letter known not to state its origin", () => {
    const f = facts(
      {
        action: { type: "contact", channel: "postal_addressed", messageKind: "political" },
        message: { includesDataOrigin: false },
      },
      { source: "electoral_list_L37" },
    );
    expect(cited(f)).toContain("FR-CNIL-MESSAGE-MANDATORY-CONTENT");
    expect(
      decide({
        ...f,
        message: { includesDataOrigin: true, includesOptOut: true, includesSenderIdentity: true },
      }).decision,
    ).toBe("allow");
  });

  it("denies an email whose recipients can see each other", () => {
    expect(cited(facts({ message: { recipientsHidden: false } }))).toContain("FR-CNIL-EMAIL-OPTIN");
  });
});

describe("phone lines", () => {
  it("denies an automated call outside the agreed time slot", () => {
    const f = facts(
      {
        action: { type: "contact", channel: "automated_call", messageKind: "political" },
        phone: { insideTimeSlot: false },
      },
      { consents: [{ ...consent("political_email"), scope: "political_automated_call" }] },
    );
    expect(cited(f)).toContain("FR-CNIL-AUTOMATED-CALL");
    expect(decide({ ...f, phone: {} }).decision).toBe("allow");
  });

  it("denies a UK live call to a TPS number without consent", () => {
    const f = facts({
      jurisdiction: "UK",
      action: { type: "contact", channel: "live_call", messageKind: "political" },
      phone: { tps: true },
    });
    expect(cited(f)).toContain("UK-PECR-CHANNELS");
    expect(decide({ ...f, phone: { tps: false } }).decision).toBe("allow");
  });

  it("allows a US prerecorded call to a landline without consent, identifying the caller", () => {
    const f = facts({
      jurisdiction: "US",
      action: { type: "contact", channel: "automated_call", messageKind: "political" },
      phone: { mobile: false },
    });
    expect(decide(f)).toMatchObject({ decision: "allow", obligations: ["identify_sender"] });
    expect(decide({ ...f, phone: {} }).decision).toBe("deny");
  });
});

describe("paid promotion, segments and exports", () => {
  it("denies a paid boost of a political post inside the L.52-1 window", () => {
    const f = facts(
      { action: { type: "contact", channel: "social_dm", messageKind: "political" }, paidBoost: true },
      { source: "social_follow_or_friend" },
    );
    expect(cited(f)).toContain("FR-CE-L52-1-NO-PAID-PROMOTION-WINDOW");
    expect(decide({ ...f, paidBoost: false }).decision).toBe("allow");
  });

  it("denies an audience selected on place of birth", () => {
    const f = facts(
      {
        action: { type: "contact", channel: "postal_addressed", messageKind: "political" },
        audience: { selectors: ["birth_place"] },
      },
      { source: "electoral_list_L37" },
    );
    expect(cited(f)).toContain("FR-CNIL-ELECTORAL-LIST-SEGMENTATION");
  });

  it("denies exporting campaign contacts to a commercial use", () => {
    const f = facts({ action: { type: "export", targetPurpose: "commercial" } });
    expect(cited(f)).toContain("FR-CNIL-SRC-OTHER-FUNCTION-FILE");
    expect(
      cited(
        facts({ action: { type: "export", targetPurpose: "commercial" } }, { source: "electoral_list_L37" }),
      ),
    ).toContain("FR-CE-L37-ELECTORAL-LIST-ACCESS");
  });

  it("denies handing members to a third party without their agreement", () => {
    const f = facts(
      { action: { type: "export", targetPurpose: "political_communication", toThirdParty: true } },
      { source: "membership" },
    );
    expect(cited(f)).toContain("FR-CNIL-SRC-ASSOCIATION-UNION-FILE");
    expect(
      decide(facts(f, { source: "membership", consents: [consent("share_with_named_third_party")] }))
        .decision,
    ).toBe("allow");
  });

  it("denies using the UK register for a non-electoral export", () => {
    const f = facts(
      { jurisdiction: "UK", action: { type: "export", targetPurpose: "commercial" } },
      { source: "uk_full_electoral_register" },
    );
    expect(cited(f)).toContain("UK-ELECTORAL-REGISTER");
  });

  it("purges propaganda-only data at the end of the election", () => {
    const f = facts(
      { at: "2027-06-01T00:00:00Z", action: { type: "retain" }, purpose: "propaganda" },
      { source: "event_signup" },
    );
    expect(cited(f)).toContain("FR-CNIL-NS34-RETENTION");
  });
});
