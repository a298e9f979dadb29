// Calendar arithmetic in a jurisdiction's zone, with Intl only. Days are "day numbers" (days since
// 1970-01-01 of the local calendar) so that shifting and comparing them is integer arithmetic.

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const CACHE_LIMIT = 200_000;

/** Per-zone memo of UTC offsets (per UTC hour) and of local wall-clock instants. */
export interface Zone {
  readonly name: string;
  readonly formatter: Intl.DateTimeFormat;
  readonly offsets: Map<number, number>;
  readonly walls: Map<number, number>;
}

const zones = new Map<string, Zone>();

/** The memo of a zone (created on first use). */
export function zone(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    const formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    z = { name, formatter, offsets: new Map(), walls: new Map() };
    zones.set(name, z);
  }
  return z;
}

function computeOffset(z: Zone, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of z.formatter.formatToParts(utcMs)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
}

function remember(map: Map<number, number>, key: number, value: number): number {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

const BUCKET = 16 * MS_PER_DAY;

/**
 * Local time minus UTC, in ms, at an instant. The supported zones change offset at most twice a year,
 * on a UTC hour: a 16-day bucket whose two ends agree has one offset throughout; a bucket holding a
 * change is resolved per UTC hour.
 */
export function zoneOffset(z: Zone, utcMs: number): number {
  const bucket = Math.floor(utcMs / BUCKET);
  const key = -1 - bucket; // negative keys: buckets; non-negative: hours
  let hit = z.offsets.get(key);
  if (hit === undefined) {
    const start = computeOffset(z, bucket * BUCKET);
    const end = computeOffset(z, (bucket + 1) * BUCKET - MS_PER_HOUR);
    hit = remember(z.offsets, key, start === end ? start : Number.NaN);
  }
  if (!Number.isNaN(hit)) return hit;
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  const byHour = z.offsets.get(hour);
  return byHour !== undefined ? byHour : remember(z.offsets, hour, computeOffset(z, hour * MS_PER_HOUR));
}

/** The local calendar day (day number) of an instant. */
export function zoneDay(z: Zone, utcMs: number): number {
  return Math.floor((utcMs + zoneOffset(z, utcMs)) / MS_PER_DAY);
}

/**
 * The instant of a local wall-clock time. In a DST gap the time does not exist and the instant
 * after the gap is returned; in a DST overlap the earlier instant is.
 */
export function zoneInstant(z: Zone, day: number, minuteOfDay: number): number {
  const key = day * 1440 + minuteOfDay;
  const hit = z.walls.get(key);
  if (hit !== undefined) return hit;
  const wall = day * MS_PER_DAY + minuteOfDay * 60_000;
  const early = wall - zoneOffset(z, wall - 14 * MS_PER_HOUR); // with the offset before any change
  const late = wall - zoneOffset(z, wall + 14 * MS_PER_HOUR); // with the offset after it
  const earlyOk = early + zoneOffset(z, early) === wall;
  const lateOk = late + zoneOffset(z, late) === wall;
  return remember(
    z.walls,
    key,
    earlyOk && lateOk ? Math.min(early, late) : lateOk && !earlyOk ? late : early,
  );
}

export const offsetAt = (zoneName: string, utcMs: number): number => zoneOffset(zone(zoneName), utcMs);
export const localDay = (zoneName: string, utcMs: number): number => zoneDay(zone(zoneName), utcMs);
export const localInstant = (zoneName: string, day: number, minutes: number): number =>
  zoneInstant(zone(zoneName), day, minutes);

/** "YYYY-MM-DD" → day number. */
export function dayNumber(isoDay: string): number {
  const n = (i: number): number => isoDay.charCodeAt(i) - 48;
  const year = n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3);
  return daysFromCivil(year, n(5) * 10 + n(6), n(8) * 10 + n(9));
}

export function isoDayOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Moves a day by whole months; the day of month is clamped to the target month's length. */
export function shiftMonths(day: number, months: number, toMonthStart: boolean): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  if (toMonthStart) return Date.UTC(y, m, 1) / MS_PER_DAY;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / MS_PER_DAY;
}

/** "HH:MM" → minutes after midnight. */
export function minuteOfDay(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`not a HH:MM time: ${hhmm}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes >= 1440 || Number(match[2]) >= 60) throw new RangeError(`not a time of day: ${hhmm}`);
  return minutes;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

const num2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

function fixedPartIsValid(s: string): boolean {
  if (s.length < 20) return false;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  for (const i of DIGIT_POSITIONS) {
    const v = s.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return false;
  }
  return true;
}

/** Milliseconds east of UTC of the zone designator at `i` ("Z", "+HH:MM", "-HH:MM"), or NaN. */
function designatorOffset(s: string, i: number): number {
  const tz = s.charCodeAt(i);
  if (tz === 90) return i === s.length - 1 ? 0 : Number.NaN;
  if ((tz !== 43 && tz !== 45) || s.length !== i + 6 || s.charCodeAt(i + 3) !== 58) return Number.NaN;
  const minutes = num2(s, i + 1) * 60 + num2(s, i + 4);
  return (tz === 45 ? -minutes : minutes) * 60_000;
}

/**
 * An ISO 8601 timestamp (`YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)`) → epoch ms with integer arithmetic
 * (Date.parse costs several times more per call); any other shape falls back to Date.parse.
 */
export function parseInstant(s: string): number {
  if (!fixedPartIsValid(s)) return Date.parse(s);
  const month = num2(s, 5);
  const day = num2(s, 8);
  const hour = num2(s, 11);
  const minute = num2(s, 14);
  const second = num2(s, 17);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return Date.parse(s);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let digits = 0;
    for (i = 20; i < s.length; i++) {
      const v = s.charCodeAt(i) - 48;
      if (v < 0 || v > 9) break;
      if (digits < 3) ms = ms * 10 + v;
      digits++;
    }
    for (; digits < 3; digits++) ms *= 10;
  }
  const offset = designatorOffset(s, i);
  if (Number.isNaN(offset)) return Date.parse(s);
  const year = num2(s, 0) * 100 + num2(s, 2);
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * 60_000 +
    second * 1000 +
    ms -
    offset
  );
}
