import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser } from "@isoloir/accounts";
import { openPglite } from "@isoloir/db";
import { testKeys } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./server";

describe("the HTTP server", () => {
  let server: RunningServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const handle = await openPglite();
    close = handle.close;
    await createUser(handle.db, { email: "who@example.fr", name: "Who", password: "correct horse battery" });
    const dist = mkdtempSync(join(tmpdir(), "isoloir-dist-"));
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
});
