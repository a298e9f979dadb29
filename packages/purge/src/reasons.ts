import { z } from "zod";

/**
 * Why data must go — each reason is a set of the engine's own deny conditions, named by rule id (and,
 * where one rule speaks of several things, by the exact sentences of its deny clauses). The purge
 * takes nothing beside them: operator scopes only narrow a reason, they are never one.
 *
 * The order is fixed and meaningful: a target taken by several reasons is counted under the first.
 * `objected_all` comes first, so that "removed because they objected" is always a target's first
 * reason. (Every purged objector, whatever the reason, keeps suppression records of their objections'
 * scope: see `suppressObjectors` in batch.ts.)
 */
export const reasonKeys = [
  "objected_all",
  "match_without_consent",
  "electoral_list_after_election",
  "primary_file_expired",
  "referral_expired",
  "forbidden_source",
  "silent_regular",
  "retention",
] as const;
export const ReasonKey = z.enum(reasonKeys);
export type ReasonKey = z.infer<typeof ReasonKey>;

/** The per-row actions a reason reads: `retain` ("may this row be kept?") or `import` ("would it be let in today?"). */
export type RowAction = "retain" | "import";

export interface RuleRef {
  action: RowAction;
  ruleId: string;
  /** only these deny clauses of the rule (their exact reason sentences); all of them when absent */
  clauses?: readonly string[];
}

export interface ReasonDefinition {
  label: string;
  /** part of the opt-in nightly retention plan */
  retention: boolean;
  /** people removed for this reason are on the suppression list for everything afterwards (scope `all`) */
  suppresses: boolean;
  rules: readonly RuleRef[];
}

const retain = (ruleId: string, clauses?: readonly string[]): RuleRef => ({
  action: "retain",
  ruleId,
  clauses,
});
const importing = (ruleId: string, clauses?: readonly string[]): RuleRef => ({
  action: "import",
  ruleId,
  clauses,
});

const ns34Silent = "A regular contact with no positive interaction for 3 years is deleted.";
const ns34Periods = [
  "Prospection data from social networks or the web is kept 30 days after the last message.",
  "Prospection data is kept 60 days after the last message.",
  "A prospect never messaged is kept only until the end of the election the data was obtained for.",
  "A prospect never messaged and linked to no election is kept 60 days after collection.",
  "Propaganda-only data goes at the end of the election and its litigation window.",
];
const bmgAfterVote = "Melderegister data must be deleted within one month after the vote.";
const bmgBirthDates = "Registration offices never give dates of birth: a file containing them is rejected.";

/** Rules about where data came from or what it holds: denied to keep, and denied to import today. */
const sourceRules = [
  "FR-CNIL-SRC-PUBLIC-SECTOR-FILE",
  "FR-CNIL-SRC-OTHER-FUNCTION-FILE",
  "FR-CNIL-SRC-PRIVATE-INTERNAL-FILE",
  "FR-CNIL-SRC-RENTED-COMMERCIAL-FILE",
  "FR-CNIL-SRC-ASSOCIATION-UNION-FILE",
  "FR-CE-L37-ELECTORAL-LIST-ACCESS",
  "FR-CNIL-ELECTORAL-LIST-SEGMENTATION",
  "EU-GDPR-ART9-POLITICAL-OPINIONS",
  "EU-EDPB-INFERRED-OPINIONS-PROFILING",
  "UK-ELECTORAL-REGISTER",
] as const;
/** Rules that refuse an import today, beyond the source rules above. */
const importOnlySourceRules = [
  "FR-CNIL-SRC-PUBLIC-WEB-OR-SOCIAL-SCRAPE",
  "FR-CNIL-SOCIAL-ENRICHMENT",
  "FR-CE-OTHER-VOTER-LISTS",
  "DE-BMG-50-MELDEREGISTER",
] as const;

export const reasons: Record<ReasonKey, ReasonDefinition> = {
  objected_all: {
    label: "people who objected to everything",
    retention: false,
    suppresses: true,
    rules: [retain("EU-GDPR-ART21-OBJECTION")],
  },
  match_without_consent: {
    label: "social-profile lookups without enrichment consent (Match-era data)",
    retention: false,
    suppresses: false,
    rules: [retain("FR-CNIL-SOCIAL-ENRICHMENT")],
  },
  electoral_list_after_election: {
    label: "electoral-list data after its election",
    retention: true,
    suppresses: false,
    rules: [
      retain("FR-CNIL-ELECTORAL-LIST-RETENTION"),
      retain("FR-CE-OTHER-VOTER-LISTS"),
      retain("DE-BMG-50-MELDEREGISTER", [bmgAfterVote]),
    ],
  },
  primary_file_expired: {
    label: "primary-participant files after proclamation and appeals",
    retention: true,
    suppresses: false,
    rules: [retain("FR-CNIL-PRIMARY-PARTICIPANT-FILE")],
  },
  referral_expired: {
    label: "referrals 60 days after their single message",
    retention: true,
    suppresses: false,
    rules: [retain("FR-CNIL-REFERRAL-SINGLE-MESSAGE")],
  },
  forbidden_source: {
    label: "data from sources the rules forbid (its import would be denied today)",
    retention: false,
    suppresses: false,
    rules: [
      ...sourceRules.map((id) => retain(id)),
      retain("DE-BMG-50-MELDEREGISTER", [bmgBirthDates]),
      ...sourceRules.map((id) => importing(id)),
      ...importOnlySourceRules.map((id) => importing(id)),
    ],
  },
  silent_regular: {
    label: "regular contacts silent for three years",
    retention: true,
    suppresses: false,
    rules: [retain("FR-CNIL-NS34-RETENTION", [ns34Silent])],
  },
  retention: {
    label: "retention periods per contact class",
    retention: true,
    suppresses: false,
    rules: [
      retain("FR-CNIL-NS34-RETENTION", ns34Periods),
      retain("FR-CNIL-REUSE-FOR-OTHER-ELECTIONS"),
      retain("LU-CNPD-POSTAL-ART14"),
    ],
  },
};

/**
 * Rules that refuse an import (in the database projection) and are deliberately not a purge reason,
 * each with why: they speak of the person, not of where the data came from. The coverage test keeps
 * this list exact: a rule that starts refusing imports must be placed in forbidden_source or here.
 */
export const importRulesNotReasons: Record<string, string> = {
  "ORG-SUPPRESSION-LIST":
    "the person is on the suppression list: objected_all (retain) covers those who objected",
  "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS": "as ORG-SUPPRESSION-LIST",
  "EU-GDPR-ART21-OBJECTION": "the person objected: objected_all (retain)",
};

/** The retention reasons, for the nightly plan. */
export const retentionReasons: ReasonKey[] = reasonKeys.filter((key) => reasons[key].retention);

/** Reasons in the fixed order, from any list of keys. */
export function orderReasons(keys: readonly ReasonKey[]): ReasonKey[] {
  return reasonKeys.filter((key) => keys.includes(key));
}
