import type { ServerResponse } from "node:http";

/** Security headers on every response: no framing, no sniffing, no third-party anything. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader(
    "content-security-policy",
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "same-origin");
}
