import {
  actionIs,
  and,
  channelIs,
  defineRule,
  eq,
  exportRuleSet,
  not,
  type Rule,
  type RuleSetExport,
} from "@isoloir/policy";

// Small hand-made rule sets and facts for the unit tests (no git, no rule packs).

const base = {
  citations: [{ text: "test rule" }],
  basis: ["P" as const],
  force: ["PLATFORM" as const],
  severity: { level: "low" as const, sanction: "none" },
};

export const suppression = (actions: Rule["actions"] = ["contact", "import"]): Rule =>
  defineRule({
    ...base,
    id: "ORG-TEST-SUPPRESSION",
    title: "Nobody suppressed is contacted",
    summary: "Denies a suppressed person.",
    actions,
    effect: "deny",
    deny: [{ when: eq("contact.suppressed", true), reason: "The person is suppressed." }],
  });

export const smsBan = defineRule({
  ...base,
  id: "ORG-TEST-NO-SMS",
  title: "No text messages",
  summary: "Denies every SMS.",
  actions: ["contact"],
  effect: "deny",
  deny: [{ when: and(actionIs("contact"), channelIs("sms")), reason: "No SMS." }],
});

export const importAllowed = defineRule({
  ...base,
  id: "ORG-TEST-IMPORT",
  title: "Unsuppressed records may be imported",
  summary: "Allows an import of an unsuppressed record.",
  actions: ["import"],
  effect: "allow-with-obligations",
  allow: [{ when: and(actionIs("import"), not(eq("contact.suppressed", true))), reason: "Not suppressed." }],
});

/** As a ref's `isoloir policy export` gives it: canonical JSON, parsed. */
export const exported = (rules: Rule[], semver = "1.0.0"): RuleSetExport =>
  JSON.parse(JSON.stringify(exportRuleSet(rules, semver))) as RuleSetExport;

export function facts(
  action: Record<string, unknown>,
  contact: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    at: "2027-03-01T10:00:00Z",
    jurisdiction: "FR",
    controller: { type: "party" },
    contact: { source: "newsletter_signup", ...contact },
    action,
  };
}

export const email = { type: "contact", channel: "email", messageKind: "political" };
export const sms = { type: "contact", channel: "sms", messageKind: "political" };

export const caseText = (
  name: string,
  action: Record<string, unknown>,
  contact: Record<string, unknown> = {},
): string => JSON.stringify({ name, ...facts(action, contact), expect: { decision: "allow" } });
