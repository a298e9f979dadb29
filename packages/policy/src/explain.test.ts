import { describe, expect, it } from "vitest";
import { and, classIs, eq, not, or, validConsentForAction } from "./builder";
import { explain } from "./explain";
import { defineRule } from "./rule";

const rule = defineRule({
  id: "FR-TEST-EMAIL",
  title: "Email needs opt-in",
  summary: "s",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(
        eq("action.channel", "email"),
        not(or(classIs("member", "regular_contact"), validConsentForAction())),
      ),
      reason: "r",
    },
  ],
  allow: [{ when: eq("action.channel", "email"), reason: "r", obligations: ["offer_opt_out"] }],
  citations: [],
  basis: ["R"],
  force: ["CNIL-RECO"],
  severity: { level: "high", sanction: "-" },
});

describe("explain", () => {
  it("states the rule in English from its tree, pushing negations to the leaves", () => {
    const text = explain(rule, "en");
    expect(text).toContain("FR-TEST-EMAIL — Email needs opt-in");
    expect(text).toContain("Denies when all of these hold:");
    expect(text).toContain("- the channel is email");
    expect(text).toContain("- the contact's class is none of member or regular contact");
    expect(text).toContain("- the person has no valid consent to what this action needs");
    expect(text).toContain("offer a working opt-out");
  });

  it("states the same rule in French", () => {
    const text = explain(rule, "fr");
    expect(text).toContain("Interdit lorsque toutes ces conditions sont réunies :");
    expect(text).toContain("- le canal est courriel");
    expect(text).toContain("la personne n'a pas de consentement valide");
  });

  it("changes when the tree changes", () => {
    const changed = { ...rule, deny: [{ when: eq("action.channel", "sms"), reason: "r" }] };
    const before = explain(rule, "en");
    const after = explain(changed, "en");
    expect(after).toContain("Denies when the channel is sms.");
    // every line the old deny tree gave is in the original text and gone from the changed one (the
    // allow clause still names email, so "the channel is email" alone would not tell)
    for (const old of [
      "Denies when all of these hold:",
      "- the channel is email\n",
      "- the contact's class is none of member or regular contact",
      "- the person has no valid consent to what this action needs",
    ]) {
      expect(before).toContain(old);
      expect(after).not.toContain(old);
    }
  });
});
