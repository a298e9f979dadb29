import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/** The proxies whose `X-Forwarded-*` headers are believed (`ISOLOIR_TRUSTED_PROXIES`). */
export type TrustedProxies = BlockList;

/** Parses a comma list of IP addresses and CIDR ranges (IPv4 or IPv6); throws naming a bad entry. */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const blocks = new BlockList();
  for (const entry of (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (
      !family ||
      rest.length > 0 ||
      (bits !== undefined && (!/^\d+$/.test(prefix ?? "") || bits < 0 || bits > maxBits))
    ) {
      throw new Error(`ISOLOIR_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, bits, type);
  }
  return blocks;
}

const unmapped = (ip: string) => (ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip);

function isTrusted(proxies: TrustedProxies | undefined, ip: string) {
  const family = isIP(ip);
  return !!proxies && family !== 0 && proxies.check(ip, family === 4 ? "ipv4" : "ipv6");
}

const header = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(",") : (value ?? "");

export interface RequestEdge {
  /** the client's IP: the socket's peer, or, from a trusted proxy, the nearest untrusted X-Forwarded-For hop */
  ip?: string;
  /** the request reached us over HTTPS (TLS on the socket, or a trusted proxy's X-Forwarded-Proto: https) */
  https: boolean;
  /** the host the client asked for (Host, or a trusted proxy's X-Forwarded-Host) */
  host?: string;
}

/** What the client's request looks like at the edge, believing forwarded headers only from trusted proxies. */
export function requestEdge(req: IncomingMessage, proxies?: TrustedProxies): RequestEdge {
  const peer = unmapped(req.socket.remoteAddress ?? "");
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  if (!isTrusted(proxies, peer)) return { ip: peer || undefined, https: encrypted, host: req.headers.host };
  const hops = header(req.headers["x-forwarded-for"])
    .split(",")
    .map((hop) => unmapped(hop.trim()))
    .filter(Boolean);
  let ip = peer;
  // walk back from the nearest hop; the first one not ours is the client
  for (const hop of hops.reverse()) {
    if (!isIP(hop)) break;
    ip = hop;
    if (!isTrusted(proxies, hop)) break;
  }
  const proto = header(req.headers["x-forwarded-proto"]).split(",")[0]?.trim().toLowerCase();
  const forwardedHost = header(req.headers["x-forwarded-host"]).split(",")[0]?.trim();
  return { ip, https: encrypted || proto === "https", host: forwardedHost || req.headers.host };
}

/**
 * Whether a request's `Origin` is the server's own. No `Origin` header counts as our own (the CSRF token
 * alone judges it); `null` and any other host do not; an `http:` origin is refused over HTTPS.
 */
export function isOwnOrigin(origin: string | undefined, edge: RequestEdge, https: boolean): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (!edge.host || url.host !== edge.host.toLowerCase()) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && !https);
}
