import { type Jurisdiction, jurisdictions } from "@isoloir/policy/vocabulary";
import { currentLanguage } from "@isoloir/ui";
import { useTranslation } from "react-i18next";

/** The jurisdictions a rule set is read under: the engine's list. */
export { type Jurisdiction, jurisdictions };

export const isJurisdiction = (value: string | null): value is Jurisdiction =>
  value !== null && (jurisdictions as readonly string[]).includes(value);

/** Catalogue basis tags (P, R, S, K); only P (the primary text was read) needs no second look. */
export const needsPrimaryCheck = (basis: string): boolean => basis !== "P";

export const severityColor: Record<string, string> = {
  critical: "red",
  high: "orange",
  medium: "yellow",
  low: "gray",
};

export const effectColor: Record<string, string> = {
  deny: "red",
  escalate: "orange",
  "allow-with-obligations": "teal",
  classification: "gray",
};

export const decisionColor: Record<string, string> = { allow: "green", deny: "red", escalate: "orange" };

/** A citation link only when it is plain http(s); anything else is shown as text. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The language explanations are asked in: the UI's. */
export function useRuleLanguage(): "fr" | "en" {
  const { i18n } = useTranslation();
  return currentLanguage(i18n);
}
