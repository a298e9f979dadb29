import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { isOwnOrigin, parseTrustedProxies, requestEdge } from "./edge";

const request = (peer: string, headers: Record<string, string> = {}) =>
  ({
    socket: { remoteAddress: peer },
    headers: { host: "isoloir.example", ...headers },
  }) as unknown as IncomingMessage;

describe("the request edge", () => {
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8");
  const forwarded = { "x-forwarded-for": "203.0.113.5, 10.1.2.3", "x-forwarded-proto": "https" };

  it("takes the client IP from the socket and ignores forwarded headers from an untrusted peer", () => {
    expect(requestEdge(request("198.51.100.1", forwarded), proxies)).toEqual({
      ip: "198.51.100.1",
      https: false,
      host: "isoloir.example",
    });
    expect(requestEdge(request("::ffff:10.0.0.1", forwarded)).ip).toBe("10.0.0.1");
  });

  it("believes a trusted proxy: the nearest untrusted X-Forwarded-For hop, its protocol and host", () => {
    const edge = requestEdge(
      request("::ffff:10.0.0.1", { ...forwarded, "x-forwarded-host": "app.example" }),
      proxies,
    );
    expect(edge).toEqual({ ip: "203.0.113.5", https: true, host: "app.example" });
    // a client cannot pick its IP by prepending hops: the nearest untrusted one wins
    const spoofed = requestEdge(
      request("192.0.2.7", { "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.9.9.9" }),
      proxies,
    );
    expect(spoofed.ip).toBe("203.0.113.9");
    expect(requestEdge(request("fd00::1", { "x-forwarded-for": "2001:db8::5" }), proxies).ip).toBe(
      "2001:db8::5",
    );
  });

  it("refuses a malformed trusted-proxy entry, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(
      '"10.0.0.0/33" is not an IP address or CIDR range',
    );
    expect(() => parseTrustedProxies("proxy.internal")).toThrow('"proxy.internal"');
    expect(() => parseTrustedProxies(undefined)).not.toThrow();
  });

  it("tells the server's own Origin from others", () => {
    const edge = { host: "isoloir.example", https: false };
    expect(isOwnOrigin(undefined, edge, false)).toBe(true);
    expect(isOwnOrigin("http://isoloir.example", edge, false)).toBe(true);
    expect(isOwnOrigin("https://isoloir.example", edge, false)).toBe(true);
    expect(isOwnOrigin("http://isoloir.example", edge, true)).toBe(false);
    expect(isOwnOrigin("https://evil.example", edge, false)).toBe(false);
    expect(isOwnOrigin("https://isoloir.example.evil.example", edge, false)).toBe(false);
    expect(isOwnOrigin("null", edge, false)).toBe(false);
  });
});
