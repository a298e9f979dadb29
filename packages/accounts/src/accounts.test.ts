import { type DbHandle, roles } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can } from "./capabilities";
import { changePassword, findSession, signIn, signOut } from "./sessions";
import { addMember, changeRole, createUser, listMembers, removeMember } from "./users";

describe.each(testDatabases())("accounts on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  const unique = () => `u${Math.random().toString(36).slice(2, 10)}@example.fr`;

  it("signs in with the right password and finds the session", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: "correct horse battery" });
    const { token } = await signIn(handle.db, {
      email: email.toUpperCase(),
      password: "correct horse battery",
    });
    const found = await findSession(handle.db, token);
    expect(found?.user.email).toBe(email);
    await signOut(handle.db, token);
    expect(await findSession(handle.db, token)).toBeUndefined();
  });

  it("refuses a wrong password and an unknown account with the same message", async () => {
    const email = unique();
    await createUser(handle.db, { email, name: "A", password: "correct horse battery" });
    await expect(signIn(handle.db, { email, password: "nope" })).rejects.toThrow("wrong email or password");
    await expect(signIn(handle.db, { email: unique(), password: "nope" })).rejects.toThrow(
      "wrong email or password",
    );
  });

  it("adds a member with a one-time password that must be changed", async () => {
    const org = await insertTestOrg(handle.db);
    const email = unique();
    const added = await addMember(handle.db, org.id, { email, name: "New", role: "staff" });
    expect(added.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const { token } = await signIn(handle.db, { email, password: added.oneTimePassword ?? "" });
    const session = await findSession(handle.db, token);
    expect(session?.user.mustChangePassword).toBe(true);
    expect(session?.session.orgId).toBe(org.id);
    await changePassword(handle.db, added.userId, added.oneTimePassword ?? "", "a much better password");
    const again = await signIn(handle.db, { email, password: "a much better password" });
    expect((await findSession(handle.db, again.token))?.user.mustChangePassword).toBe(false);
    await expect(addMember(handle.db, org.id, { email, name: "New", role: "staff" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("keeps at least one owner", async () => {
    const org = await insertTestOrg(handle.db);
    const owner = await addMember(handle.db, org.id, { email: unique(), name: "Owner", role: "owner" });
    await expect(changeRole(handle.db, org.id, owner.userId, "admin")).rejects.toMatchObject({
      code: "last_owner",
    });
    await expect(removeMember(handle.db, org.id, owner.userId)).rejects.toMatchObject({ code: "last_owner" });
    const second = await addMember(handle.db, org.id, { email: unique(), name: "Second", role: "owner" });
    await changeRole(handle.db, org.id, owner.userId, "admin");
    expect((await listMembers(handle.db, org.id)).map((m) => m.role).sort()).toEqual(["admin", "owner"]);
    await removeMember(handle.db, org.id, owner.userId);
    expect(second.userId).toBeTruthy();
  });
});

describe("capabilities", () => {
  it("lets only compliance approve a purge and only owners turn four-eyes off", () => {
    expect(can("compliance", "approvePurge")).toBe(true);
    expect(can("owner", "approvePurge")).toBe(false);
    expect(can("owner", "turnOffFourEyes")).toBe(true);
    expect(can("admin", "turnOffFourEyes")).toBe(false);
    expect(can("volunteer", "exportImport")).toBe(false);
  });

  it("lets owners, admins and compliance read the switches; staff the provider list only; volunteers neither", () => {
    expect(roles.filter((r) => can(r, "readJurisdictions"))).toEqual(["owner", "admin", "compliance"]);
    expect(roles.filter((r) => can(r, "readProviders"))).toEqual(["owner", "admin", "compliance", "staff"]);
  });
});
