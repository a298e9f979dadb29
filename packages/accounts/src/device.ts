import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The device cookie: set, signed, on a successful sign-in, it names this browser for that account so
 * that its sign-ins draw on their own budget, which a stranger guessing the password cannot exhaust.
 * Value: `<device id>.<account tag>.<signature>`, the tag a hash of the email, the signature an HMAC.
 */
const sign = (key: string, payload: string) =>
  createHmac("sha256", key).update(`isoloir-device-cookie\0${payload}`).digest("base64url");
const accountTag = (email: string) => createHash("sha256").update(email).digest("base64url").slice(0, 22);

export function issueDeviceCookie(key: string, email: string): string {
  const payload = `${randomBytes(16).toString("base64url")}.${accountTag(email)}`;
  return `${payload}.${sign(key, payload)}`;
}

/** The device id of a cookie validly signed for this account (normalised email), or undefined. */
export function deviceIdFor(key: string, cookie: string | undefined, email: string): string | undefined {
  const [id, tag, signature, ...rest] = (cookie ?? "").split(".");
  if (!id || !tag || !signature || rest.length > 0 || tag !== accountTag(email)) return undefined;
  const expected = Buffer.from(sign(key, `${id}.${tag}`));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
}
