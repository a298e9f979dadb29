const day = 86_400_000;

export const addDaysToDay = (isoDay: string, days: number): string =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * day).toISOString().slice(0, 10);

export const instant = (ms: number): string => new Date(ms).toISOString();

/** The instants where a verdict may change, around which `at` is drawn (within a day, to cover zones). */
export function boundaries(
  election: { rounds: string[]; resultsProclaimedAt?: string; litigationWindowDays?: number } | undefined,
  anchors: number[],
): number[] {
  const out = [Date.parse("2025-10-10T00:00:00Z"), ...anchors];
  if (!election) return out;
  const window = election.litigationWindowDays ?? 10;
  for (const round of election.rounds) {
    const r = Date.parse(`${round}T00:00:00Z`);
    out.push(r - day, r + 20 * 3_600_000, r + day);
  }
  const first = election.rounds[0];
  const last = election.rounds[election.rounds.length - 1];
  if (first && last && first !== last) out.push((Date.parse(first) + Date.parse(last)) / 2);
  if (last)
    out.push(
      Date.parse(`${addDaysToDay(last, window + 1)}T00:00:00Z`),
      Date.parse(`${addDaysToDay(last, 31)}T00:00:00Z`),
    );
  if (election.resultsProclaimedAt)
    out.push(Date.parse(`${addDaysToDay(election.resultsProclaimedAt, window + 1)}T00:00:00Z`));
  if (first) {
    const d = new Date(`${first}T00:00:00Z`);
    out.push(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6, 1),
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 5, 1),
    );
  }
  return out;
}

export const retentionAnchors = (
  collectedAt: number,
  lastMessageAt?: number,
  lastPositive?: number,
): number[] =>
  [
    collectedAt + 30 * day,
    collectedAt + 60 * day,
    lastMessageAt !== undefined ? lastMessageAt + 30 * day : undefined,
    lastMessageAt !== undefined ? lastMessageAt + 60 * day : undefined,
    lastPositive !== undefined ? lastPositive + 3 * 365 * day : undefined,
  ].filter((x): x is number => x !== undefined);

export const msPerDay = day;
