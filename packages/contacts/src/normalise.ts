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
