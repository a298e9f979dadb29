import { createHmac } from "node:crypto";
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trimmed, NFC, lower-cased; null when it is not an email address. */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.normalize("NFC").trim().toLowerCase();
  return emailShape.test(value) ? value : null;
}

/** E.164 (e.g. +33612345678); null when the number is not valid for its country. */
export function normalisePhone(raw: string | null | undefined, defaultCountry = "FR"): string | null {
  if (!raw) return null;
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * Keyed HMAC of org id ‖ normalised value. Suppression matches on it, so it must be computed from the
 * normalised form only, and the key never leaves the process (it is never sent to SQL).
 */
export function identifierHmac(hmacKey: string, orgId: string, normalisedValue: string): string {
  return createHmac("sha256", hmacKey).update(`${orgId}\u0000${normalisedValue}`).digest("hex");
}

// Letters NFKD does not take apart, spelt as their letters (Œ in Cœur, Æ in Lætitia, ß in Strauß).
const ligatures: Record<string, string> = { Œ: "OE", Æ: "AE", ẞ: "SS", Ø: "O", Ł: "L", Đ: "D" };

/**
 * A name as the identity key reads it: Unicode NFKD, diacritics removed, upper case, hyphens,
 * apostrophes and runs of spaces as one space, trimmed ("Jean-Éric  d'Ornano" → "JEAN ERIC D ORNANO").
 * Idempotent; null when nothing is left.
 */
export function normaliseName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[ŒÆẞØŁĐ]/g, (c) => ligatures[c] ?? c)
    .replace(/[\s\p{Pd}'’ʼ‘`´]+/gu, " ")
    .trim();
  return value === "" ? null : value;
}

/** ISO `YYYY-MM-DD` of a real calendar day (a Date is read in UTC); null otherwise. */
export function normaliseBirthDate(raw: string | Date | null | undefined): string | null {
  if (!raw) return null;
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : null;
}

/**
 * The identity key: birth name, first names (all of them, as the electoral list's `Prenoms`) and birth
 * date, normalised; null unless all three are known. Suppression matches on its HMAC, so a person known
 * without email or phone (an electoral list, a door) is recognised when they come back.
 */
export function identityKey(
  birthName: string | null | undefined,
  firstNames: string | null | undefined,
  birthDate: string | Date | null | undefined,
): string | null {
  const name = normaliseName(birthName);
  const first = normaliseName(firstNames);
  const date = normaliseBirthDate(birthDate);
  return name && first && date ? `${name}|${first}|${date}` : null;
}
