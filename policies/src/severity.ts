import type { Rule } from "@isoloir/policy";

// Severity metadata from the catalogue's §J (FR-EU-SANCTIONS): not a decision rule.

type Severity = Rule["severity"];

const penal: Record<string, string> = {
  "226-16": "processing without the required formalities",
  "226-17": "failure to secure the data",
  "226-18": "unfair or unlawful collection",
  "226-18-1": "processing despite objection",
  "226-19": "sensitive data without express consent",
  "226-20": "retention beyond the set period",
  "226-21": "diverted purpose",
};

const penalText = (articles: readonly string[]): string =>
  articles.map((a) => `Code pénal art. ${a} (${penal[a] ?? ""}): up to 5 years and €300,000`).join("; ");

/** GDPR art. 83(5) (Arts. 5, 6, 7, 9, 12-22, 44-49): up to €20M or 4% of turnover. */
export function fines83_5(...penalArticles: string[]): Severity {
  const gdpr = "GDPR art. 83(5): up to €20M or 4% of worldwide turnover";
  return penalArticles.length > 0
    ? { level: "critical", sanction: `${gdpr}; ${penalText(penalArticles)}` }
    : { level: "high", sanction: gdpr };
}

/** GDPR art. 83(4) (Arts. 8, 11, 25-39): up to €10M or 2% of turnover. */
export function fines83_4(...penalArticles: string[]): Severity {
  const gdpr = "GDPR art. 83(4): up to €10M or 2% of worldwide turnover";
  return penalArticles.length > 0
    ? { level: "high", sanction: `${gdpr}; ${penalText(penalArticles)}` }
    : { level: "medium", sanction: gdpr };
}

export const electoralCode = (text: string): Severity => ({ level: "high", sanction: text });
export const foreignLaw = (level: Severity["level"], text: string): Severity => ({ level, sanction: text });
export const platformPromise: Severity = {
  level: "medium",
  sanction: "Isoloir platform promise; breaking it exposes the controller to the GDPR fines it backs",
};
