import { type Capability, capabilities } from "@isoloir/accounts";
import { contactAssignments, type DbHandle, type Role, roles } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { exportPolicySet } from "@isoloir/policies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousCaller, callerFor, orgWithTeam } from "./testing";

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Every org procedure, the capability it needs, and a call that is valid input. */
const procedures: {
  name: string;
  needs: Capability | "member";
  call: (c: Caller, f: Fixture) => Promise<unknown>;
}[] = [
  { name: "contacts.list", needs: "readContacts", call: (c) => c.contacts.list({}) },
  { name: "organisation.get", needs: "member", call: (c) => c.organisation.get() },
  {
    name: "organisation.update",
    needs: "manageOrgSettings",
    call: (c, f) =>
      c.organisation.update({
        name: f.org.name,
        controllerName: f.org.controllerName,
        controllerAddress: "1 rue de la Paix, Paris",
        controllerEmail: f.org.controllerEmail,
        dpoName: null,
        dpoEmail: null,
      }),
  },
  {
    name: "organisation.setFourEyes(on)",
    needs: "manageOrgSettings",
    call: (c) => c.organisation.setFourEyes({ enabled: true }),
  },
  { name: "members.list", needs: "manageMembers", call: (c) => c.members.list() },
  {
    name: "members.add",
    needs: "manageMembers",
    call: (c, f) =>
      c.members.add({
        email: `n${Math.random().toString(36).slice(2)}.${f.org.slug}@example.fr`,
        name: "N",
        role: "volunteer",
      }),
  },
  { name: "countries.list", needs: "readJurisdictions", call: (c) => c.countries.list() },
  {
    name: "countries.history",
    needs: "readJurisdictions",
    call: (c) => c.countries.history({ country: "FR" }),
  },
  { name: "countries.providers", needs: "readProviders", call: (c) => c.countries.providers() },
  {
    name: "countries.setEnrichment(off)",
    needs: "manageEnrichment",
    call: (c) => c.countries.setEnrichment({ country: "DE", enabled: false }),
  },
  {
    name: "countries.setProvider",
    needs: "manageEnrichment",
    call: (c) => c.countries.setProvider({ provider: "meetup", allowed: false }),
  },
  { name: "audit.list", needs: "readAudit", call: (c) => c.audit.list({}) },
  { name: "audit.verify", needs: "readAudit", call: (c) => c.audit.verify() },
  {
    name: "enrichment.preview",
    needs: "runEnrichment",
    call: (c) => c.enrichment.preview({ provider: "twitter" }),
  },
  {
    name: "enrichment.remove",
    needs: "runEnrichment",
    call: (c, f) => c.enrichment.remove({ contactId: f.contactIds[0] ?? "", provider: "twitter" }),
  },
  {
    name: "contacts.object(sms)",
    needs: "exportImport",
    call: (c, f) => c.contacts.object({ contactId: f.contactIds[1] ?? "", scope: ["sms"] }),
  },
  { name: "purge.reasons", needs: "planPurge", call: (c) => c.purge.reasons() },
  { name: "purge.list", needs: "readAudit", call: (c) => c.purge.list() },
  { name: "purge.create", needs: "planPurge", call: (c) => c.purge.create({ reasons: ["objected_all"] }) },
  {
    name: "purge.approve(someone else's plan)",
    needs: "approvePurge",
    call: (c, f) => c.purge.approve({ planId: f.adminPlan.id, planHash: f.adminPlan.planHash }),
  },
  { name: "rules.list", needs: "readRules", call: (c) => c.rules.list({ jurisdiction: "FR", lang: "en" }) },
  {
    name: "rules.get",
    needs: "readRules",
    call: (c) => c.rules.get({ id: "FR-CNIL-EMAIL-OPTIN", lang: "fr" }),
  },
  { name: "rules.current", needs: "readRules", call: (c) => c.rules.current() },
  {
    name: "rules.diff",
    needs: "readDiffs",
    call: (c) => c.rules.diff({ base: exportPolicySet(), head: exportPolicySet(), lang: "en" }),
  },
];

/** The team, plus a purge plan by the admin that a compliance member may approve. */
type Fixture = Awaited<ReturnType<typeof orgWithTeam>> & { adminPlan: { id: string; planHash: string } };

async function fixture(handle: DbHandle): Promise<Fixture> {
  const team = await orgWithTeam(handle.db);
  const adminPlan = await (await callerFor(handle.db, handle.driver, team.members.admin)).purge.create({
    reasons: ["objected_all"],
  });
  return { ...team, adminPlan };
}

describe.each(testDatabases())("api router on $name", (target) => {
  let handle: DbHandle;
  let home: Fixture;
  let foreign: Fixture;
  beforeAll(async () => {
    handle = await target.open();
    home = await fixture(handle);
    foreign = await fixture(handle);
  });
  afterAll(async () => handle?.close());

  const as = (role: Role, f: Fixture = home) => callerFor(handle.db, handle.driver, f.members[role]);

  describe.each(roles)("as %s", (role) => {
    it.each(procedures)("$name follows the capability table", async ({ needs, call }) => {
      const allowed = needs === "member" || (capabilities[needs] as readonly Role[]).includes(role);
      const attempt = call(await as(role), home);
      if (allowed) await expect(attempt).resolves.toBeDefined();
      else await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  });

  it("sends a signed-out caller to sign in", async () => {
    await expect(anonymousCaller(handle.db, handle.driver).contacts.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await anonymousCaller(handle.db, handle.driver).auth.me()).toBeNull();
  });

  it("answers NOT_FOUND for another organisation's contact id", async () => {
    const staff = await as("staff");
    await expect(staff.contacts.get({ id: foreign.contactIds[0] ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const own = await staff.contacts.get({ id: home.contactIds[0] ?? "" });
    expect(own.contact.firstName).toBe("Alice");
  });

  it("never lists another organisation's contacts or members", async () => {
    const owner = await as("owner");
    const listed = await owner.contacts.list({ pageSize: 200 });
    expect(listed.items.map((i) => i.id).sort()).toEqual([...home.contactIds].sort());
    const members = await owner.members.list();
    expect(members.every((m) => m.email.endsWith(`${home.org.slug}@example.fr`))).toBe(true);
  });

  it("cannot change the role of a member of another organisation", async () => {
    const owner = await as("owner");
    await expect(
      owner.members.changeRole({ userId: foreign.members.staff, role: "admin" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a volunteer only the contacts on their assigned lists", async () => {
    const volunteer = await as("volunteer");
    expect((await volunteer.contacts.list({})).total).toBe(0);
    await handle.db
      .insert(contactAssignments)
      .values({ orgId: home.org.id, userId: home.members.volunteer, contactId: home.contactIds[1] ?? "" });
    const listed = await volunteer.contacts.list({});
    expect(listed.items.map((i) => i.firstName)).toEqual(["Bruno"]);
    await expect(volunteer.contacts.get({ id: home.contactIds[0] ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a mutation without the session's CSRF token", async () => {
    const noToken = await callerFor(handle.db, handle.driver, home.members.owner, { csrf: null });
    await expect(noToken.organisation.setFourEyes({ enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const wrong = await callerFor(handle.db, handle.driver, home.members.owner, { csrf: "forged" });
    await expect(wrong.organisation.setFourEyes({ enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets only an owner turn four-eyes off, and audits it", async () => {
    await expect((await as("admin")).organisation.setFourEyes({ enabled: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const owner = await as("owner");
    await owner.organisation.setFourEyes({ enabled: false });
    const log = await owner.audit.list({});
    expect(log.items.some((e) => e.action === "four_eyes.off")).toBe(true);
    expect((await owner.audit.verify()).firstBroken).toBeUndefined();
    await owner.organisation.setFourEyes({ enabled: true });
  });

  it("validates input and names the field", async () => {
    const owner = await as("owner");
    await expect(owner.contacts.list({ pageSize: 10_000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.contacts.get({ id: "not-a-uuid" })).rejects.toThrow(/id/);
  });

  it("keeps the audit log free of emails", async () => {
    const owner = await as("owner");
    const added = await owner.members.add({
      email: `audit.${home.org.slug}@example.fr`,
      name: "Audit",
      role: "staff",
    });
    expect(added.oneTimePassword).toBeTruthy();
    const log = await owner.audit.list({ pageSize: 200 });
    expect(JSON.stringify(log.items)).not.toContain("@example.fr");
  });
});
