import {
  type Classifier,
  type ConsentScope,
  type ControllerType,
  countryAliases,
  countryOf,
  dayNumber,
  type Jurisdiction,
  normaliseCountry,
  type Processor,
  scopeOfChannel,
  sources,
  zoneOf,
} from "@isoloir/policy";
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { FactsAction } from "../facts-for";
import type { ElectionRow } from "../projection";
import { textList } from "./terms";

/** What one SQL decision fixes: the organisation's facts, the action, the instant, and the row level. */
export interface OrgFacts {
  orgId: string;
  jurisdiction: Jurisdiction;
  controllerType: ControllerType;
  /** country → the organisation's enrichment switch */
  enrichment: Record<string, boolean>;
  processors: Processor[];
  elections: ElectionRow[];
}

export interface Scope {
  org: OrgFacts;
  action: FactsAction;
  atMs: number;
  zone: string;
  /** import/retain: one decision per provenance row, with that row's election (alias e) */
  perRow: boolean;
  /** contact-level decisions: the organisation's next open election, fixed by `at` */
  election: ElectionRow | undefined;
  classify: Classifier;
}

export function makeScope(
  org: OrgFacts,
  action: FactsAction,
  at: Date,
  classify: Classifier,
  election: ElectionRow | undefined,
): Scope {
  const perRow = action.type === "import" || action.type === "retain";
  return {
    org,
    action,
    atMs: at.getTime(),
    zone: zoneOf[org.jurisdiction],
    perRow,
    election: perRow ? undefined : election,
    classify,
  };
}

/** `normaliseCountry` in SQL: the code upper-cased, its alias resolved ("UK" → GB). */
export function normalisedCountrySql(code: SQLWrapper): SQL {
  // the aliases are the vocabulary's own constants (two capital letters), inlined as literals
  const arms = Object.entries(countryAliases).map(([from, to]) => sql.raw(`when '${from}' then '${to}'`));
  return sql`case upper(${code}) ${sql.join(arms, sql` `)} else upper(${code}) end`;
}

/** The contact's country, normalised ("UK" → GB), else the jurisdiction's; NULL for EU institutions without one. */
export function countrySql(scope: Scope): SQL {
  const fallback = countryOf[scope.org.jurisdiction];
  const stated = normalisedCountrySql(sql`c.country`);
  return fallback === undefined ? sql`(${stated})` : sql`coalesce(${stated}, ${fallback}::text)`;
}

/** The classification table as a CASE over the provenance row's source. */
export function classSql(scope: Scope): SQL {
  const arms = sources.map((s) => sql`when ${s}::text then ${scope.classify(s)}::text`);
  return sql`(case p.source::text ${sql.join(arms, sql` `)} else 'prospect' end)`;
}

/** The consent scope the action itself needs (messages: the channel's; enrich; recording an opinion). */
export function actionScope(action: FactsAction): ConsentScope | undefined {
  if (action.type === "contact") return scopeOfChannel[action.channel];
  if (action.type === "enrich") return "social_enrichment";
  if (action.type === "record" && action.category.startsWith("political_opinion")) {
    return "political_opinion_recording";
  }
  return undefined;
}

/** The countries whose enrichment switch is on, read as the engine reads `settings.enrichment`. */
export function switchedOnCountries(enrichment: Record<string, boolean>): string[] {
  const candidates = new Set<string>();
  for (const key of Object.keys(enrichment)) {
    candidates.add(key);
    candidates.add(normaliseCountry(key));
  }
  return [...candidates].filter((country) => switchOn(enrichment, country));
}

function switchOn(enrichment: Record<string, boolean>, country: string): boolean {
  const direct = enrichment[country];
  if (direct !== undefined) return direct;
  for (const [key, on] of Object.entries(enrichment)) if (normaliseCountry(key) === country) return on;
  return false;
}

export const inCountries = (scope: Scope, countries: readonly string[]): SQL =>
  countries.length === 0 ? sql`false` : sql`coalesce(${countrySql(scope)} in ${textList(countries)}, false)`;

/** The election's proclamation day, as the engine reads it (a day, or an instant's local day). */
export function proclaimedDayOf(election: ElectionRow): number | undefined {
  const raw = election.resultsProclaimedAt;
  return raw ? dayNumber(raw.slice(0, 10)) : undefined;
}

// correlated sub-queries on the contact (alias c)
export const ofContact = (table: SQL, alias: SQL): SQL =>
  sql`${table} ${alias} where ${alias}.org_id = c.org_id and ${alias}.contact_id = c.id`;
