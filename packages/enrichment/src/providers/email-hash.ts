import { createHash } from "node:crypto";

/** The normalisation both sides agree on before hashing: trim, then lower-case. */
export function normaliseEmailForLookup(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!normalised.includes("@")) throw new TypeError("lookup needs an email address");
  return normalised;
}

/**
 * SHA-256 (hex) of the normalised address: the only form in which an email leaves Isoloir for a
 * network. It is a matching key, not anonymisation — anyone holding the address can recompute it.
 */
export function hashEmail(email: string): string {
  return createHash("sha256").update(normaliseEmailForLookup(email)).digest("hex");
}
