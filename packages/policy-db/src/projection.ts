import type { Channel, SourceKind } from "@isoloir/db";
import type { Jurisdiction } from "./jurisdiction";

/** Jurisdiction time zones of the case format (docs/policy-cases.md): date-only values are calendar days there. */
export const zoneOf: Record<Jurisdiction, string> = {
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  LU: "Europe/Luxembourg",
  UK: "Europe/London",
  EU_INSTITUTION: "Europe/Brussels",
  US: "America/New_York",
};

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(at: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface ElectionRow {
  id: string;
  type: string;
  rounds: string[];
  resultsProclaimedAt: string | null;
  litigationWindowDays: number;
}

/** An election is over once the end of local day (last round + litigation window) is past. */
export function electionStillOpen(election: ElectionRow, at: Date, zone: string): boolean {
  const last = election.rounds[election.rounds.length - 1];
  if (!last) return false;
  return localDay(at, zone) <= addDays(last, election.litigationWindowDays);
}

/** The organisation's next election whose last round plus litigation window is not yet past. */
export function nextElection(elections: ElectionRow[], at: Date, zone: string): ElectionRow | undefined {
  return elections
    .filter((e) => electionStillOpen(e, at, zone))
    .sort((a, b) => (a.rounds.at(-1) ?? "").localeCompare(b.rounds.at(-1) ?? ""))[0];
}

/** `ageYears` from a birth year is the youngest possible age. */
export function youngestAge(birthYear: number | null, at: Date): number | undefined {
  return birthYear === null ? undefined : at.getUTCFullYear() - birthYear - 1;
}

const classRank = {
  member: 0,
  former_member: 1,
  regular_contact: 2,
  occasional_contact: 3,
  prospect: 4,
} as const;
export type ContactClass = keyof typeof classRank;

/** Picks the provenance row of the strongest class (member > regular > occasional > prospect; ties: earliest, then by id). */
export function strongestRow<T extends { id: string; source: SourceKind; collectedAt: Date }>(
  rows: T[],
  classOf: (source: SourceKind) => ContactClass,
): T | undefined {
  return [...rows].sort(
    (a, b) =>
      classRank[classOf(a.source)] - classRank[classOf(b.source)] ||
      a.collectedAt.getTime() - b.collectedAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

export interface ObjectionRow {
  allChannels: boolean;
  channels: Channel[];
  at: Date;
}

/** Several objections fold into one: `all` if any is, else their channels; `at` is the earliest. */
export function foldObjections(rows: ObjectionRow[]): { at: string; scope: "all" | Channel[] } | undefined {
  if (rows.length === 0) return undefined;
  const at = new Date(Math.min(...rows.map((r) => r.at.getTime()))).toISOString();
  if (rows.some((r) => r.allChannels)) return { at, scope: "all" };
  return { at, scope: [...new Set(rows.flatMap((r) => r.channels))].sort() };
}

/** The contact's suppression records scoped to channels, as objections to those channels since the record's date. */
export function scopedObjections(rows: {
  scopedSuppressions: { channels: Channel[]; at: Date }[];
}): ObjectionRow[] {
  return rows.scopedSuppressions
    .filter((r) => r.channels.length > 0)
    .map((r) => ({ allChannels: false, channels: r.channels, at: r.at }));
}
