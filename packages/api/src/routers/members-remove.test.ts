import { findSession, openSession } from "@isoloir/accounts";
import type { DbHandle } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, orgWithTeam } from "../testing";

// Removing a member runs in the tenant transaction, whose role holds no privilege on sessions: the
// unbinding goes through the database's narrow function (migration 0013). A signed-in member is the case
// that matters — the e2e journey found that an UPDATE under row-level security refused it.
describe.each(testDatabases())("members.remove on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it("removes a signed-in member and unbinds their session from this organisation only", async () => {
    const team = await orgWithTeam(handle.db);
    const other = await orgWithTeam(handle.db);
    const { token } = await openSession(handle.db, team.members.staff);
    expect((await findSession(handle.db, token))?.session.orgId).toBe(team.org.id);
    const { token: elsewhere } = await openSession(handle.db, other.members.staff);

    const admin = await callerFor(handle.db, handle.driver, team.members.admin);
    await admin.members.remove({ userId: team.members.staff });

    expect((await findSession(handle.db, token))?.session.orgId ?? null).toBeNull();
    expect((await findSession(handle.db, elsewhere))?.session.orgId).toBe(other.org.id);
  });
});
