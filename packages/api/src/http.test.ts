import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createUser, findSession, openSession, signInLimits } from "@isoloir/accounts";
import type { Db, DbHandle } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "./context";
import { createApiHandler, createHttpContext, type HttpDeps } from "./http";
import { callerFor, orgWithTeam } from "./testing";

type ContextFactory = (deps: HttpDeps, req: IncomingMessage, res: ServerResponse) => Promise<Context>;

const right = "correct horse battery";
const leakedEmail = "alice.leak@example.fr";
const leak = () =>
  new Error(`duplicate key: select "users"."id" from "users" where "users"."email" = '${leakedEmail}'`);

describe.each(testDatabases())("the API over HTTP on $name", (target) => {
  let handle: DbHandle;
  let server: Server;
  let url: string;
  let team: Awaited<ReturnType<typeof orgWithTeam>>;
  // the context factory of the next requests (fault-injection tests swap it)
  let contextFactory: ContextFactory = createHttpContext;

  beforeAll(async () => {
    handle = await target.open();
    team = await orgWithTeam(handle.db);
    const handler = createApiHandler(
      { db: handle.db, driver: handle.driver, keys: testKeys },
      { createContext: (deps, req, res) => contextFactory(deps, req, res) },
    );
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await handle?.close();
  });

  const unique = () => `u${Math.random().toString(36).slice(2, 10)}@example.fr`;
  const json = { "content-type": "application/json", "x-isoloir-csrf": "1" };
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/trpc/${path}`, {
      method: "POST",
      headers: { ...json, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const cookieOf = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith(`${name}=`));

  describe("sign-in", () => {
    it("refuses a batch holding a sign-in without checking its passwords, and keeps a single call with ?batch=1", async () => {
      const email = unique();
      await createUser(handle.db, { email, name: "A", password: right });
      const wrongThenRight = { 0: { email, password: "guess" }, 1: { email, password: right } };
      const batch = await post("auth.signIn,auth.signIn?batch=1", wrongThenRight);
      expect(batch.status).toBe(400);
      expect(await batch.text()).toContain("auth.signIn cannot be batched with other calls");
      expect(cookieOf(batch, "isoloir_session")).toBeUndefined();
      const mixed = await post("auth.signOut,auth.signIn?batch=1", { 1: { email, password: right } });
      expect(mixed.status).toBe(400);
      const single = await post("auth.signIn?batch=1", { 0: { email, password: right } });
      expect(single.status).toBe(200);
      expect(cookieOf(single, "isoloir_session")).toBeDefined();
    });

    it("refuses a batch of more than 20 calls", async () => {
      const ok = await fetch(`${url}/trpc/${Array(20).fill("auth.me").join(",")}?batch=1`);
      expect(ok.status).toBe(200);
      const refused = await fetch(`${url}/trpc/${Array(21).fill("auth.me").join(",")}?batch=1`);
      expect(refused.status).toBe(400);
    });

    it("answers a throttled sign-in with 429 and Retry-After, even with the right password", async () => {
      const email = unique();
      await createUser(handle.db, { email, name: "A", password: right });
      for (let i = 0; i < signInLimits.perAccount; i++) {
        expect((await post("auth.signIn", { email, password: "guess" })).status).toBe(401);
      }
      const refused = await post("auth.signIn", { email, password: right });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(800);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^too many sign-in attempts: try again in \d+ s$/,
      );
    });

    it("lets a browser with the account's device cookie sign in while strangers exhausted the account's budget", async () => {
      const email = unique();
      await createUser(handle.db, { email, name: "A", password: right });
      const first = await post("auth.signIn", { email, password: right });
      const device = cookieOf(first, "isoloir_device");
      expect(device).toBeDefined();
      for (let i = 0; i < signInLimits.perAccount; i++)
        await post("auth.signIn", { email, password: "guess" });
      expect((await post("auth.signIn", { email, password: right })).status).toBe(429);
      const owner = await post("auth.signIn", { email, password: right }, { cookie: device ?? "" });
      expect(owner.status).toBe(200);
      // the device cookie of another account buys nothing here
      const other = unique();
      await createUser(handle.db, { email: other, name: "B", password: right });
      const otherDevice = cookieOf(
        await post("auth.signIn", { email: other, password: right }),
        "isoloir_device",
      );
      expect(
        (await post("auth.signIn", { email, password: right }, { cookie: otherDevice ?? "" })).status,
      ).toBe(429);
    });

    it("ends every other session on a password change, keeping the one that changed it", async () => {
      const email = unique();
      const user = await createUser(handle.db, { email, name: "A", password: right });
      const here = cookieOf(await post("auth.signIn", { email, password: right }), "isoloir_session") ?? "";
      const elsewhere = await openSession(handle.db, user.id);
      const me = async () =>
        (
          (await (await fetch(`${url}/trpc/auth.me`, { headers: { cookie: here } })).json()) as {
            result: { data: { csrfToken: string } | null };
          }
        ).result.data;
      const changed = await post(
        "auth.changePassword",
        { current: right, next: "a much better password" },
        { cookie: here, "x-isoloir-csrf": (await me())?.csrfToken ?? "" },
      );
      expect(changed.status).toBe(200);
      expect(await findSession(handle.db, elsewhere.token)).toBeUndefined();
      expect(await me()).not.toBeNull();
    });

    it("refuses everything but the password change, auth.me and sign-out while a password must change", async () => {
      const userId = team.members.staff;
      const { db, driver } = handle;
      const forced = await callerFor(db, driver, userId, { mustChangePassword: true });
      await expect(forced.contacts.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(forced.auth.switchOrganisation({ orgId: team.org.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(forced.auth.me()).resolves.toMatchObject({ user: { mustChangePassword: true } });
      await expect(forced.auth.signOut()).resolves.toEqual({ ok: true });
      const after = await callerFor(db, driver, userId);
      await expect(after.contacts.list({})).resolves.toBeTruthy();
    });
  });

  describe("client errors", () => {
    it("answers malformed JSON and NUL characters with 400 and a clear message", async () => {
      const malformed = await post("auth.signIn", "{not json");
      expect(malformed.status).toBe(400);
      expect(await malformed.text()).toContain("the request is not valid JSON");
      const inQuery = await fetch(`${url}/trpc/rules.list?input=${encodeURIComponent("{oops")}`);
      expect(inQuery.status).toBe(400);
      const nul = await post("auth.signIn", { email: "a\u0000@example.fr", password: "x" });
      expect(nul.status).toBe(400);
      expect(await nul.text()).toContain("NUL characters");
    });

    it("refuses a mutation from another Origin, and judges one without Origin by its CSRF token", async () => {
      const body = { email: unique(), password: "guess" };
      for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1"]) {
        const res = await post("auth.signIn", body, { origin });
        expect(res.status, origin).toBe(403);
        expect(await res.text()).toContain("cross-origin request refused");
      }
      expect((await post("auth.signIn", body, { origin: url })).status).toBe(401);
      expect((await post("auth.signIn", body)).status).toBe(401);
      const noToken = await fetch(`${url}/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(noToken.status).toBe(403);
    });

    it("marks every API answer Cache-Control: no-store", async () => {
      expect((await fetch(`${url}/trpc/auth.me`)).headers.get("cache-control")).toBe("no-store");
      expect((await post("auth.signIn", "{")).headers.get("cache-control")).toBe("no-store");
    });
  });

  describe("faults carrying SQL and an email never reach the client", () => {
    /** A context from the real factory with one property that throws the leaky error when read. */
    const faultyProperty =
      (key: keyof Context, hits: { count: number }): ContextFactory =>
      async (deps, req, res) => {
        const ctx = await createHttpContext(deps, req, res);
        return new Proxy(ctx, {
          get(target, prop, receiver) {
            if (prop === key) {
              hits.count++;
              throw leak();
            }
            return Reflect.get(target, prop, receiver);
          },
        });
      };
    /** A database whose `method` throws the leaky error. */
    const faultyDb = (db: Db, method: "select" | "transaction", hits: { count: number }): Db =>
      new Proxy(db, {
        get(target, prop) {
          if (prop === method)
            return () => {
              hits.count++;
              throw leak();
            };
          const value: unknown = Reflect.get(target, prop);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    const withDb =
      (
        method: "select" | "transaction",
        hits: { count: number },
        when: "context" | "after",
      ): ContextFactory =>
      async (deps, req, res) => {
        if (when === "context")
          return createHttpContext({ ...deps, db: faultyDb(deps.db, method, hits) }, req, res);
        const ctx = await createHttpContext(deps, req, res);
        return { ...ctx, db: faultyDb(ctx.db, method, hits) };
      };

    const cases: {
      name: string;
      factory: (hits: { count: number }) => ContextFactory;
      call: "me" | "signOut" | "members" | "enrichmentJob";
    }[] = [
      {
        name: "createContext throws",
        factory: (h) => async () => {
          h.count++;
          throw leak();
        },
        call: "me",
      },
      {
        name: "the session lookup in createContext fails",
        factory: (h) => withDb("select", h, "context"),
        call: "me",
      },
      {
        name: "the CSRF/Origin middleware fails",
        factory: (h) => faultyProperty("foreignOrigin", h),
        call: "signOut",
      },
      {
        name: "the CSRF token check fails",
        factory: (h) => faultyProperty("csrfHeader", h),
        call: "signOut",
      },
      { name: "the signed-in middleware fails", factory: (h) => faultyProperty("token", h), call: "signOut" },
      { name: "the membership lookup fails", factory: (h) => withDb("select", h, "after"), call: "members" },
      {
        name: "the tenant transaction fails",
        factory: (h) => withDb("transaction", h, "after"),
        call: "members",
      },
      {
        name: "the organisation middleware's keys fail",
        factory: (h) => faultyProperty("keys", h),
        call: "members",
      },
      {
        name: "the queue middleware fails",
        factory: (h) => faultyProperty("jobs", h),
        call: "enrichmentJob",
      },
      { name: "a handler's query fails", factory: (h) => withDb("select", h, "after"), call: "me" },
    ];

    it.each(cases)("$name", async ({ factory, call }) => {
      const hits = { count: 0 };
      const { token } = await openSession(handle.db, team.members.admin);
      const session = await findSession(handle.db, token);
      const headers = {
        cookie: `isoloir_session=${token}`,
        "x-isoloir-csrf": session?.session.csrfToken ?? "",
      };
      contextFactory = factory(hits);
      try {
        const path = {
          me: "auth.me",
          signOut: "auth.signOut",
          members: "members.list",
          enrichmentJob: `enrichment.job?input=${encodeURIComponent(JSON.stringify({ id: crypto.randomUUID() }))}`,
        }[call];
        const res =
          call === "signOut"
            ? await fetch(`${url}/trpc/${path}`, {
                method: "POST",
                headers: { ...headers, "content-type": "application/json" },
                body: "{}",
              })
            : await fetch(`${url}/trpc/${path}`, { headers });
        const text = await res.text();
        expect(res.status).toBe(500);
        expect(text).toContain("something went wrong on our side");
        expect(text).not.toMatch(/select|users|alice/i);
        // the fault was injected where this case says
        expect(hits.count).toBeGreaterThan(0);
      } finally {
        contextFactory = createHttpContext;
      }
    });
  });
});
