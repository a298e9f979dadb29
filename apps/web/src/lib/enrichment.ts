import type { Provider, SourceKind } from "@isoloir/ui";

/** What an enrichment considers: the operator's narrowing (it never decides who is eligible). */
export interface EnrichFilter {
  source?: SourceKind;
  search?: string;
  contactIds?: string[];
}

/** The contacts list's state (`?source=&q=`) as an enrichment filter; undefined when it filters nothing. */
export function listFilter(list: { source?: SourceKind; q?: string }): EnrichFilter | undefined {
  const search = list.q?.trim();
  const filter: EnrichFilter = {
    ...(list.source ? { source: list.source } : {}),
    ...(search ? { search } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}

export const noLiveConsent = "no_live_consent";
export const escalated = "escalated";

/** One bar of a refusal chart: a rule id, or one of the two reasons that are not a rule. */
export interface RefusalRow {
  reason: string;
  kind: "rule" | typeof noLiveConsent | typeof escalated;
  contacts: number;
}

const byCount = (a: RefusalRow, b: RefusalRow) => b.contacts - a.contacts || a.reason.localeCompare(b.reason);

/** A job's `refusedBy` (rule id, or "no_live_consent", → contacts), largest first; zeros left out. */
export function refusedByRows(refusedBy: Record<string, number>): RefusalRow[] {
  return Object.entries(refusedBy)
    .filter(([, contacts]) => contacts > 0)
    .map(
      ([reason, contacts]): RefusalRow => ({
        reason,
        kind: reason === noLiveConsent ? noLiveConsent : "rule",
        contacts,
      }),
    )
    .sort(byCount);
}

/** A preview's refusals: per rule id, plus "no live consent" and "escalated" when there are any. */
export function refusalRows(preview: {
  deniedBy: Record<string, number>;
  noLiveConsent: number;
  escalated: number;
}): RefusalRow[] {
  const extra: RefusalRow[] = [
    { reason: noLiveConsent, kind: noLiveConsent, contacts: preview.noLiveConsent },
    { reason: escalated, kind: escalated, contacts: preview.escalated },
  ];
  const { [noLiveConsent]: _counted, ...rules } = preview.deniedBy;
  return [...refusedByRows(rules), ...extra.filter((row) => row.contacts > 0)].sort(byCount);
}

export const jobStates = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof jobStates)[number];
const terminal: readonly string[] = ["completed", "cancelled", "failed"];
export const isTerminal = (state: string | undefined): boolean =>
  state !== undefined && terminal.includes(state);

export const outcomes = ["found", "not_found", "fresh", "refused", "stopped", "no_email", "failed"] as const;
export type Outcome = (typeof outcomes)[number];

/** The running counts a job writes in its progress note (JSON), or null when there are none. */
export function runningCounts(note: string | undefined | null): Partial<Record<Outcome, number>> | null {
  if (!note) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(note);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const counts: Partial<Record<Outcome, number>> = {};
  for (const outcome of outcomes) {
    const value = (parsed as Record<string, unknown>)[outcome];
    if (typeof value === "number" && Number.isFinite(value)) counts[outcome] = value;
  }
  return Object.keys(counts).length > 0 ? counts : null;
}

/** done / total as a whole percentage in 0..100 (an empty job is complete). */
export function percent(done: number, total: number): number {
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((done / total) * 100)));
}

/** The first provider the organisation allows, to preselect in the Enrich dialog. */
export function firstAllowed(rows: readonly { provider: Provider; allowed: boolean }[]): Provider | null {
  return rows.find((row) => row.allowed)?.provider ?? null;
}
