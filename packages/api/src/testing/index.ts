import { addMember, findSession, openSession } from "@isoloir/accounts";
import { admitPerson } from "@isoloir/contacts";
import { type Db, type Driver, type Keys, type Role, roles, users } from "@isoloir/db";
import { insertTestOrg, testKeys } from "@isoloir/db/testing";
import type { JobQueue } from "@isoloir/jobs";
import { eq, inArray } from "drizzle-orm";
import type { Context } from "../context";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";

// Test support (`@isoloir/api/testing`): callers of the app router signed in as a member, and an
// organisation with one member per role. Nothing under src/ outside this folder imports it.

const createCaller = createCallerFactory(appRouter);

/**
 * A caller signed in as `userId`, carrying the right CSRF token unless told otherwise. Members start with a
 * one-time password the API makes them change first: the caller has changed it, unless `mustChangePassword`.
 */
export async function callerFor(
  db: Db,
  driver: Driver,
  userId: string,
  opts: { csrf?: string | null; jobs?: JobQueue; keys?: Keys; mustChangePassword?: boolean } = {},
) {
  await db
    .update(users)
    .set({ mustChangePassword: opts.mustChangePassword ?? false })
    .where(eq(users.id, userId));
  const { token } = await openSession(db, userId);
  const session = await findSession(db, token);
  const ctx: Context = {
    db,
    driver,
    keys: opts.keys ?? testKeys,
    jobs: opts.jobs,
    token,
    session,
    csrfHeader: opts.csrf === null ? undefined : (opts.csrf ?? session?.session.csrfToken),
    setSessionCookie: () => undefined,
  };
  return createCaller(ctx);
}

export function anonymousCaller(db: Db, driver: Driver) {
  return createCaller({ db, driver, keys: testKeys, csrfHeader: "x", setSessionCookie: () => undefined });
}

/** An organisation with one member per role and two contacts. */
export async function orgWithTeam(db: Db) {
  const org = await insertTestOrg(db);
  const members = {} as Record<Role, string>;
  for (const role of roles) {
    // roles granted a month ago: four eyes' cooling-off lets the compliance member approve at once
    const added = await addMember(
      db,
      org.id,
      { email: `${role}.${org.slug}@example.fr`, name: `${role} ${org.slug}`, role },
      { grantedAt: new Date(Date.now() - 30 * 86_400_000) },
    );
    members[role] = added.userId;
  }
  // team members start with a one-time password; these tests act as members who already changed it
  await db
    .update(users)
    .set({ mustChangePassword: false })
    .where(inArray(users.id, Object.values(members)));
  const origin = {
    source: "direct_form" as const,
    collectorKind: "form" as const,
    collectorRef: "form:fixture",
    collectedAt: new Date("2026-10-01T10:00:00Z"),
    legalBasis: "consent" as const,
  };
  const ctx = { orgId: org.id, hmacKey: testKeys.hmacKey };
  const a = await admitPerson(
    db,
    ctx,
    { firstName: "Alice", lastName: "Martin", email: `alice.${org.slug}@example.fr` },
    origin,
  );
  const b = await admitPerson(
    db,
    ctx,
    { firstName: "Bruno", lastName: "Petit", email: `bruno.${org.slug}@example.fr` },
    origin,
  );
  return { org, members, contactIds: [a.contactId, b.contactId] };
}
