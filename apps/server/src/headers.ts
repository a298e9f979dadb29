import type { ServerResponse } from "node:http";

/** Where a response may be framed: nowhere, except the public pages planned under `/p/*`. */
export type Framing = "none" | "embeddable";

/** The framing policy of a path. Public pages (`/p/*`, not served yet) will answer "embeddable" here. */
export function framingFor(_path: string): Framing {
  return "none";
}

const csp = (framing: Framing) =>
  [
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    framing === "none" ? "frame-ancestors 'none'" : "frame-ancestors *",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");

/** A year of HSTS, sent only when the request came over HTTPS (or the deployment says it always does). */
export const hsts = "max-age=31536000";

/** Security headers on every response: no framing, no sniffing, no third-party anything; HSTS over HTTPS. */
export function setSecurityHeaders(
  res: ServerResponse,
  options: { framing?: Framing; https?: boolean } = {},
): void {
  const framing = options.framing ?? "none";
  res.setHeader("content-security-policy", csp(framing));
  if (framing === "none") res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "same-origin");
  if (options.https) res.setHeader("strict-transport-security", hsts);
}
