import type { DbHandle } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { deviceIdFor, issueDeviceCookie } from "./device";
import { signInLimits } from "./limits";
import { PasswordQueue } from "./password-queue";
import { verifyPassword } from "./passwords";
import { changePassword, findSession, openSession, signIn, switchOrganisation } from "./sessions";
import { addMember, createUser, removeMember } from "./users";

const right = "correct horse battery";

/** A verifier that counts its calls and answers after a turn of the event loop, so calls overlap. */
function countingVerifier() {
  const counter = {
    calls: 0,
    verify: async (hash: string, password: string) => {
      counter.calls++;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return verifyPassword(hash, password);
    },
  };
  return counter;
}

// A queue that never refuses, so these tests see the limiter alone.
const roomy = () => new PasswordQueue({ concurrency: 200, maxWaiting: 1000, maxWaitMs: 60_000 });

describe.each(testDatabases())("sign-in limits on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  const unique = () => `u${Math.random().toString(36).slice(2, 10)}@example.fr`;
  const now = new Date("2026-11-24T10:00:00Z");

  it("checks at most the account's budget of 100 concurrent wrong guesses, and refuses a right one after them", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: right });
    const counter = countingVerifier();
    const queue = roomy();
    const guesses = Array.from({ length: 100 }, (_, i) =>
      signIn(handle.db, { email, password: `guess-${i}` }, { now, verify: counter.verify, queue }),
    );
    const outcomes = await Promise.allSettled([
      ...guesses,
      signIn(handle.db, { email, password: right }, { now, verify: counter.verify, queue }),
    ]);
    expect(counter.calls).toBeLessThanOrEqual(signInLimits.perAccount);
    const codes = outcomes.map((o) => (o.status === "rejected" ? (o.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "invalid_credentials")).toHaveLength(counter.calls);
    expect(codes.filter((c) => c === "throttled")).toHaveLength(101 - counter.calls);
    expect(codes.at(-1)).toBe("throttled");
  });

  it("answers throttled (never invalid credentials) with the seconds to wait, and lets the window pass", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: right });
    for (let i = 0; i < signInLimits.perAccount; i++) {
      await expect(signIn(handle.db, { email, password: "bad" }, { now })).rejects.toMatchObject({
        code: "invalid_credentials",
      });
    }
    const later = new Date(now.getTime() + 60_000);
    await expect(signIn(handle.db, { email, password: right }, { now: later })).rejects.toMatchObject({
      code: "throttled",
      retryAfterSeconds: signInLimits.windowMs / 1000 - 60,
      message: `too many sign-in attempts: try again in ${signInLimits.windowMs / 1000 - 60} s`,
    });
    const afterWindow = new Date(now.getTime() + signInLimits.windowMs);
    await expect(signIn(handle.db, { email, password: right }, { now: afterWindow })).resolves.toHaveProperty(
      "token",
    );
  });

  it("gives a successful sign-in's reservation back: only wrong passwords use the budget", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: right });
    for (let i = 0; i < 3 * signInLimits.perAccount; i++) {
      await signIn(handle.db, { email, password: right }, { now });
    }
    for (let i = 0; i < signInLimits.perAccount; i++) {
      await expect(signIn(handle.db, { email, password: "bad" }, { now })).rejects.toMatchObject({
        code: "invalid_credentials",
      });
    }
    await expect(signIn(handle.db, { email, password: "bad" }, { now })).rejects.toMatchObject({
      code: "throttled",
    });
  });

  it("keeps a separate budget for the owner's device, which a stranger's guesses cannot exhaust", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: right });
    const counter = countingVerifier();
    const stranger = Array.from({ length: 30 }, () =>
      signIn(handle.db, { email, password: "guess" }, { now, verify: counter.verify, queue: roomy() }),
    );
    await Promise.allSettled(stranger);
    expect(counter.calls).toBe(signInLimits.perAccount);
    await expect(signIn(handle.db, { email, password: right }, { now })).rejects.toMatchObject({
      code: "throttled",
    });
    // the owner's browser holds a device cookie from an earlier sign-in
    await expect(
      signIn(handle.db, { email, password: right }, { now, deviceId: "owner-laptop" }),
    ).resolves.toHaveProperty("token");
    // a stolen-looking device id is its own budget too, and exhausting it leaves the owner's alone
    for (let i = 0; i < signInLimits.perDevice; i++) {
      await expect(
        signIn(handle.db, { email, password: "bad" }, { now, deviceId: "other" }),
      ).rejects.toMatchObject({ code: "invalid_credentials" });
    }
    await expect(
      signIn(handle.db, { email, password: "bad" }, { now, deviceId: "other" }),
    ).rejects.toMatchObject({
      code: "throttled",
    });
    await expect(
      signIn(handle.db, { email, password: right }, { now, deviceId: "owner-laptop" }),
    ).resolves.toHaveProperty("token");
  });

  it("limits one client IP across accounts, leaving other IPs alone", async () => {
    const counter = countingVerifier();
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const guesses = Array.from({ length: signInLimits.perIp + 20 }, () =>
      signIn(
        handle.db,
        { email: unique(), password: "guess" },
        { now, ip, verify: counter.verify, queue: roomy() },
      ),
    );
    const outcomes = await Promise.allSettled(guesses);
    expect(counter.calls).toBe(signInLimits.perIp);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason.code === "throttled")).toHaveLength(20);
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: right });
    await expect(signIn(handle.db, { email, password: right }, { now, ip })).rejects.toMatchObject({
      code: "throttled",
    });
    await expect(
      signIn(handle.db, { email, password: right }, { now, ip: "203.0.113.9" }),
    ).resolves.toHaveProperty("token");
  });

  it("refuses sign-ins at once when the hashing queue is full, without spending their budget", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: right });
    const queue = new PasswordQueue({ concurrency: 1, maxWaiting: 0, maxWaitMs: 10 });
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const slowVerify = async () => {
      calls++;
      await blocked;
      return false;
    };
    const first = signIn(handle.db, { email, password: "guess" }, { now, verify: slowVerify, queue });
    await expect.poll(() => calls).toBe(1);
    for (let i = 0; i < 5; i++) {
      await expect(
        signIn(handle.db, { email, password: "guess" }, { now, verify: slowVerify, queue }),
      ).rejects.toMatchObject({ code: "throttled", retryAfterSeconds: 1 });
    }
    release();
    await expect(first).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(calls).toBe(1);
    // only the checked attempt counted
    for (let i = 1; i < signInLimits.perAccount; i++) {
      await expect(signIn(handle.db, { email, password: "bad" }, { now })).rejects.toMatchObject({
        code: "invalid_credentials",
      });
    }
    await expect(signIn(handle.db, { email, password: "bad" }, { now })).rejects.toMatchObject({
      code: "throttled",
    });
  });

  it("ends every other session of a user whose password changes", async () => {
    const email = unique();
    const user = await createUser(handle.db, { email, name: "A", password: right });
    const mine = await signIn(handle.db, { email, password: right });
    const elsewhere = await signIn(handle.db, { email, password: right });
    const someoneElse = await createUser(handle.db, { email: unique(), name: "B", password: right });
    const theirs = await openSession(handle.db, someoneElse.id);
    await changePassword(handle.db, user.id, right, "a much better password", { keepToken: mine.token });
    expect(await findSession(handle.db, mine.token)).toBeDefined();
    expect(await findSession(handle.db, elsewhere.token)).toBeUndefined();
    expect(await findSession(handle.db, theirs.token)).toBeDefined();
  });

  it("unbinds a removed member's sessions from that organisation only", async () => {
    const first = await insertTestOrg(handle.db);
    const second = await insertTestOrg(handle.db);
    await addMember(handle.db, first.id, { email: unique(), name: "Owner", role: "owner" });
    const email = unique();
    const member = await addMember(handle.db, first.id, { email, name: "M", role: "staff" });
    await addMember(handle.db, second.id, { email, name: "M", role: "staff" });
    const inFirst = await openSession(handle.db, member.userId);
    const inSecond = await openSession(handle.db, member.userId);
    await switchOrganisation(handle.db, inFirst.token, member.userId, first.id);
    await switchOrganisation(handle.db, inSecond.token, member.userId, second.id);
    await removeMember(handle.db, first.id, member.userId);
    expect((await findSession(handle.db, inFirst.token))?.session.orgId).toBeNull();
    expect((await findSession(handle.db, inSecond.token))?.session.orgId).toBe(second.id);
  });
});

describe("the password queue", () => {
  afterEach(() => void vi.useRealTimers());

  it("runs a bounded number at once, lets a few wait a short time, and refuses the rest", async () => {
    vi.useFakeTimers();
    const queue = new PasswordQueue({ concurrency: 2, maxWaiting: 2, maxWaitMs: 1000 });
    const gates: (() => void)[] = [];
    let started = 0;
    const work = () =>
      queue.run(() => {
        started++;
        return new Promise<void>((resolve) => gates.push(resolve));
      });
    const running = [work(), work()];
    const waiting = [work(), work()];
    const refused = work();
    await expect(refused).rejects.toMatchObject({ code: "throttled", retryAfterSeconds: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(2);
    gates.shift()?.();
    await running[0];
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(3);
    // the last waiter gets no slot within its wait and is refused
    const timedOut = expect(waiting[1]).rejects.toMatchObject({ code: "throttled" });
    await vi.advanceTimersByTimeAsync(1000);
    await timedOut;
    expect(started).toBe(3);
    for (const open of gates.splice(0)) open();
    await Promise.all([running[1], waiting[0]]);
    expect(queue.active).toEqual({ running: 0, waiting: 0 });
  });
});

describe("the device cookie", () => {
  it("is valid only for the account it was issued for, and only as signed", () => {
    const cookie = issueDeviceCookie("key", "a@example.fr");
    const id = deviceIdFor("key", cookie, "a@example.fr");
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(deviceIdFor("key", cookie, "b@example.fr")).toBeUndefined();
    expect(deviceIdFor("other key", cookie, "a@example.fr")).toBeUndefined();
    const [, tag, signature] = cookie.split(".");
    expect(deviceIdFor("key", `forged.${tag}.${signature}`, "a@example.fr")).toBeUndefined();
    expect(deviceIdFor("key", undefined, "a@example.fr")).toBeUndefined();
  });
});
