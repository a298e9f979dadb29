import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser } from "@isoloir/accounts";
import { parseTrustedProxies } from "@isoloir/api";
import type { DbHandle } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeLimits, type RunningServer, type ServerOptions, startServer } from "./server";

describe.each(testDatabases())("the HTTP server on $name", (target) => {
  let server: RunningServer;
  let close: () => Promise<void>;
  let handle: DbHandle;
  let dist: string;
  beforeAll(async () => {
    handle = await target.open();
    close = handle.close;
    await createUser(handle.db, { email: "who@example.fr", name: "Who", password: "correct horse battery" });
    dist = mkdtempSync(join(tmpdir(), "isoloir-dist-"));
    for (const app of ["web", "admin"]) {
      mkdirSync(join(dist, app));
      writeFileSync(join(dist, app, "index.html"), `<html>${app}</html>`);
    }
    server = await startServer({
      ...handle,
      keys: testKeys,
      port: 0,
      webDist: join(dist, "web"),
      adminDist: join(dist, "admin"),
    });
  });
  afterAll(async () => {
    await server?.close();
    await close?.();
  });

  it("answers the health check", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).text()).toBe("ok\n");
  });

  it("serves the web app at / and the admin app at /admin, with client-side routes", async () => {
    expect(await (await fetch(`${server.url}/contacts/123`)).text()).toContain("web");
    expect(await (await fetch(`${server.url}/admin/members`)).text()).toContain("admin");
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("signs in through tRPC with an httpOnly SameSite cookie, and refuses a mutation without the CSRF header", async () => {
    const body = JSON.stringify({ email: "who@example.fr", password: "correct horse battery" });
    const refused = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json" },
    });
    expect(refused.status).toBe(403);
    const res = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-isoloir-csrf": "1" },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/isoloir_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await fetch(`${server.url}/trpc/auth.me`, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    const json = (await me.json()) as { result: { data: { user: { email: string } } } };
    expect(json.result.data.user.email).toBe("who@example.fr");
  });

  it("never sends a stack trace to the client", async () => {
    const res = await fetch(
      `${server.url}/trpc/contacts.get?input=${encodeURIComponent(JSON.stringify({ id: "x" }))}`,
    );
    const text = await res.text();
    expect(text).not.toContain("at ");
    expect(text).not.toContain("stack");
  });

  const expectedCsp =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  it("sets the security headers on the apps, the API and errors, with no-store on the API and no HSTS over plain HTTP", async () => {
    for (const path of ["/", "/admin/members", "/trpc/auth.me", "/trpc/nope", "/healthz"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get("content-security-policy"), path).toBe(expectedCsp);
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
      expect(res.headers.get("strict-transport-security"), path).toBeNull();
    }
    expect((await fetch(`${server.url}/trpc/auth.me`)).headers.get("cache-control")).toBe("no-store");
    // a forwarded protocol from a peer nobody trusts changes nothing
    const spoofed = await fetch(`${server.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
  });

  it("refuses a body over 1 MB by its Content-Length, before reading it", async () => {
    const res = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-isoloir-csrf": "1" },
      body: "x".repeat(edgeLimits.maxBodyBytes + 1),
    });
    expect(res.status).toBe(413);
    const answer = await raw("POST", "/trpc/auth.signIn", { "content-length": String(100 * 1024 * 1024) });
    expect(answer.status).toBe(413);
  });

  it("refuses a chunked body once it streams past 1 MB", async () => {
    const answer = await raw(
      "POST",
      "/trpc/auth.signIn",
      { "transfer-encoding": "chunked" },
      5 * 1024 * 1024,
    );
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(5 * 1024 * 1024);
  });

  it("refuses a URL longer than 8 KB with 414", async () => {
    const res = await fetch(`${server.url}/trpc/auth.me?input=${"a".repeat(edgeLimits.maxUrlLength)}`);
    expect(res.status).toBe(414);
    expect((await fetch(`${server.url}/contacts?${"a".repeat(edgeLimits.maxUrlLength - 100)}`)).status).toBe(
      200,
    );
  });

  it("sends HSTS and Secure cookies behind HTTPS: configured, or a trusted proxy saying so", async () => {
    const variants: [string, Partial<ServerOptions>, Record<string, string>, boolean][] = [
      ["ISOLOIR_SECURE_COOKIES=1", { secureCookies: true }, {}, true],
      [
        "a trusted proxy with X-Forwarded-Proto: https",
        { trustedProxies: parseTrustedProxies("127.0.0.1") },
        { "x-forwarded-proto": "https" },
        true,
      ],
      [
        "a trusted proxy with X-Forwarded-Proto: http",
        { trustedProxies: parseTrustedProxies("127.0.0.0/8") },
        { "x-forwarded-proto": "http" },
        false,
      ],
      [
        "an untrusted peer with X-Forwarded-Proto: https",
        { trustedProxies: parseTrustedProxies("10.0.0.0/8") },
        { "x-forwarded-proto": "https" },
        false,
      ],
    ];
    for (const [name, extra, headers, https] of variants) {
      const other = await startServer({
        ...handle,
        ...extra,
        keys: testKeys,
        port: 0,
        webDist: join(dist, "web"),
        adminDist: join(dist, "admin"),
      });
      try {
        const page = await fetch(`${other.url}/`, { headers });
        expect(page.headers.get("strict-transport-security"), name).toBe(https ? "max-age=31536000" : null);
        const signedIn = await fetch(`${other.url}/trpc/auth.signIn`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json", "x-isoloir-csrf": "1" },
          body: JSON.stringify({ email: "who@example.fr", password: "correct horse battery" }),
        });
        const cookies = signedIn.headers.getSetCookie();
        expect(cookies.length, name).toBe(2);
        for (const cookie of cookies) expect(/;\s*Secure/i.test(cookie), `${name}: ${cookie}`).toBe(https);
      } finally {
        await other.close();
      }
    }
  });

  /** A raw request: headers as given, and optionally `bodyBytes` of body written while the server lets us. */
  function raw(method: string, path: string, headers: Record<string, string>, bodyBytes = 0) {
    return new Promise<{ status: number; sent: number }>((resolve, reject) => {
      const target = new URL(server.url);
      let sent = 0;
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path,
          method,
          headers: { "content-type": "application/json", "x-isoloir-csrf": "1", ...headers },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, sent }));
        },
      );
      req.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (sent < bodyBytes) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      if (bodyBytes > 0) pump();
      else req.end();
    });
  }
});
