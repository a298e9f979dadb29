import { addMember, type Capability, can, hashPassword } from "@isoloir/accounts";
import { admitPerson } from "@isoloir/contacts";
import { consents, type DbHandle, generateSigningKey, type Keys, type Role, roles, users } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { type JobQueue, openEmbeddedQueue } from "@isoloir/jobs";
import { exportPolicySet } from "@isoloir/policies";
import { TRPCError } from "@trpc/server";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { anonymousCaller, callerFor, orgWithTeam } from "./testing";

// The whole-router role test: every procedure of `appRouter`, as every role and signed out, against the
// role table of docs/roles.md. The list of procedures comes from the router itself, so a procedure added
// without a row below fails here until someone decides who may call it.

type Who = Role | "signed out";

/** Who may call a procedure: anyone (signed out too), any signed-in user, or these roles of the organisation. */
type Allowed = "public" | "signed in" | readonly Role[];

interface Decision {
  allowed: Allowed;
  /** the capability of `capabilities.ts` that guards it, if any: it must grant exactly `allowed` */
  capability?: Capability;
  /** a valid minimal input (a refusal by the domain — NOT_FOUND, CONFLICT… — still counts as "let in") */
  input?: (f: Fixture, who: Who) => unknown;
}

// the rows of docs/roles.md, by who they let in
const everyMember: readonly Role[] = roles;
const allButVolunteers: readonly Role[] = ["owner", "admin", "compliance", "staff"];
const ownersAndAdmins: readonly Role[] = ["owner", "admin"];
const ownersAdminsCompliance: readonly Role[] = ["owner", "admin", "compliance"];
const ownersAdminsStaff: readonly Role[] = ["owner", "admin", "staff"];
const complianceOnly: readonly Role[] = ["compliance"];

const aUuid = "00000000-0000-4000-8000-000000000000";

/**
 * Every procedure of the app router: who may call it, and a minimal input. To add a procedure, add its
 * row here (path as in `appRouter._def.procedures`), with the roles of its docs/roles.md row and the
 * capability that guards it.
 */
const decisions: Record<string, Decision> = {
  "auth.me": { allowed: "public" },
  "auth.signIn": { allowed: "public", input: (f) => f.signIn },
  "auth.signOut": { allowed: "signed in" },
  "auth.changePassword": {
    allowed: "signed in",
    input: (f, who) => {
      if (who === "signed out") return { current: "whatever", next: "a-new-password-1" };
      const current = f.passwords[who];
      const next = `${current}-next`;
      f.passwords[who] = next;
      return { current, next };
    },
  },
  "auth.switchOrganisation": { allowed: "signed in", input: (f) => ({ orgId: f.org.id }) },

  "contacts.list": { allowed: everyMember, capability: "readContacts", input: () => ({}) },
  "contacts.get": {
    allowed: everyMember,
    capability: "readContacts",
    input: (f) => ({ id: f.contactIds[0] }),
  },
  "contacts.withdrawConsent": {
    allowed: allButVolunteers,
    capability: "exportImport",
    input: (f) => ({ contactId: f.consenting.contactId, consentId: f.consenting.consentId }),
  },
  "contacts.object": {
    allowed: allButVolunteers,
    capability: "exportImport",
    input: (f) => ({ contactId: f.contactIds[1], scope: ["sms"] }),
  },
  "contacts.bySource": { allowed: allButVolunteers, capability: "readAllContacts" },

  "organisation.get": { allowed: everyMember },
  "organisation.update": {
    allowed: ownersAndAdmins,
    capability: "manageOrgSettings",
    input: (f) => ({
      name: f.org.name,
      controllerName: f.org.controllerName,
      controllerAddress: "1 rue de la Paix, Paris",
      controllerEmail: f.org.controllerEmail,
      dpoName: null,
      dpoEmail: null,
    }),
  },
  "organisation.setFourEyes": {
    allowed: ownersAndAdmins,
    capability: "manageOrgSettings",
    input: () => ({ enabled: true }),
  },
  "organisation.setFourEyesCoolingOff": {
    allowed: ["owner"],
    capability: "turnOffFourEyes",
    input: () => ({ hours: 24 }),
  },

  "members.list": { allowed: ownersAndAdmins, capability: "manageMembers" },
  "members.add": {
    allowed: ownersAndAdmins,
    capability: "manageMembers",
    input: (f, who) => ({ email: `added-by-${who}.${f.org.slug}@example.fr`, name: "N", role: "volunteer" }),
  },
  "members.changeRole": {
    allowed: ownersAndAdmins,
    capability: "manageMembers",
    input: (f) => ({ userId: f.spares.promoted, role: "staff" }),
  },
  "members.remove": {
    allowed: ownersAndAdmins,
    capability: "manageMembers",
    input: (f) => ({ userId: f.spares.removed }),
  },
  "members.invitations": { allowed: ownersAndAdmins, capability: "manageMembers" },
  "members.roleGrants": { allowed: ["owner", "compliance"], capability: "readRoleGrants" },
  "members.myInvitations": { allowed: "signed in" },
  // an unknown invitation: let in, then "not found" (only the invitee may accept, tested in accounts)
  "members.acceptInvitation": { allowed: "signed in", input: () => ({ invitationId: aUuid }) },

  "countries.list": { allowed: ownersAdminsCompliance, capability: "readJurisdictions" },
  "countries.switchRequirements": { allowed: ownersAdminsCompliance, capability: "readJurisdictions" },
  "countries.history": {
    allowed: ownersAdminsCompliance,
    capability: "readJurisdictions",
    input: () => ({ country: "FR" }),
  },
  "countries.providers": { allowed: allButVolunteers, capability: "readProviders" },
  "countries.setEnrichment": {
    allowed: ownersAndAdmins,
    capability: "manageEnrichment",
    input: () => ({ country: "DE", enabled: false }),
  },
  "countries.setProvider": {
    allowed: ownersAndAdmins,
    capability: "manageEnrichment",
    input: () => ({ provider: "meetup", allowed: false }),
  },

  "audit.list": { allowed: ownersAdminsCompliance, capability: "readAudit", input: () => ({}) },
  "audit.verify": { allowed: ownersAdminsCompliance, capability: "readAudit" },

  "rules.list": { allowed: allButVolunteers, capability: "readRules", input: () => ({ lang: "en" }) },
  "rules.get": {
    allowed: allButVolunteers,
    capability: "readRules",
    input: () => ({ id: "FR-CNIL-EMAIL-OPTIN", lang: "fr" }),
  },
  "rules.current": { allowed: allButVolunteers, capability: "readRules" },
  "rules.diff": {
    allowed: ownersAdminsCompliance,
    capability: "readDiffs",
    input: () => ({ base: exportPolicySet(), head: exportPolicySet(), lang: "en" }),
  },

  "enrichment.preview": {
    allowed: ownersAdminsStaff,
    capability: "runEnrichment",
    input: () => ({ provider: "twitter" }),
  },
  "enrichment.start": {
    allowed: ownersAdminsStaff,
    capability: "runEnrichment",
    input: () => ({ provider: "twitter" }),
  },
  "enrichment.job": { allowed: ownersAdminsStaff, capability: "runEnrichment", input: () => ({ id: aUuid }) },
  "enrichment.forContact": {
    allowed: everyMember,
    capability: "readContacts",
    input: (f) => ({ contactId: f.contactIds[0] }),
  },
  "enrichment.remove": {
    allowed: ownersAdminsStaff,
    capability: "runEnrichment",
    input: (f) => ({ contactId: f.contactIds[0], provider: "twitter" }),
  },

  "purge.reasons": { allowed: ownersAdminsCompliance, capability: "planPurge" },
  "purge.list": { allowed: ownersAdminsCompliance, capability: "readAudit" },
  "purge.get": {
    allowed: ownersAdminsCompliance,
    capability: "readAudit",
    input: (f) => ({ planId: f.plan.id }),
  },
  "purge.create": {
    allowed: ownersAdminsCompliance,
    capability: "planPurge",
    input: () => ({ reasons: ["objected_all"] }),
  },
  "purge.approve": {
    allowed: complianceOnly,
    capability: "approvePurge",
    // the admin's plan: a compliance member may approve it with four-eyes on
    input: (f) => ({ planId: f.plan.id, planHash: f.plan.planHash }),
  },
  "purge.run": {
    allowed: ownersAdminsCompliance,
    capability: "runPurge",
    input: (f) => ({ planId: f.plan.id }),
  },
  "purge.progress": {
    allowed: ownersAdminsCompliance,
    capability: "runPurge",
    input: (f) => ({ planId: f.plan.id }),
  },
  "purge.certificate": {
    allowed: ownersAdminsCompliance,
    capability: "readAudit",
    input: (f) => ({ planId: f.plan.id }),
  },
  "purge.verify": {
    allowed: ownersAdminsCompliance,
    capability: "readAudit",
    input: () => ({ certificate: {} }),
  },
};

/** The procedures of the router, as tRPC lists them (every query and mutation, with its path). */
const routerPaths = Object.keys(appRouter._def.procedures);

const keys: Keys = { ...testKeys, signingKey: generateSigningKey() };
const password = "role-test-password-1";

/** The team, a consent to withdraw, two spare members to change and remove, a plan by the admin, passwords. */
async function fixture(handle: DbHandle) {
  const team = await orgWithTeam(handle.db);
  const spare = async (name: string) =>
    addMember(handle.db, team.org.id, {
      email: `${name}.${team.org.slug}@example.fr`,
      name,
      role: "volunteer",
    });
  const [promoted, removed, signer] = [
    await spare("promoted"),
    await spare("removed"),
    await spare("signer"),
  ];
  // the team's passwords are known, so each may change theirs
  await handle.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(inArray(users.id, Object.values(team.members)));
  const passwords = Object.fromEntries(roles.map((r) => [r, password])) as Record<Role, string>;
  const added = await admitPerson(
    handle.db,
    { orgId: team.org.id, hmacKey: keys.hmacKey },
    { firstName: "Chloé", lastName: "Roux", email: `chloe.${team.org.slug}@example.fr` },
    {
      source: "newsletter_signup",
      collectorKind: "form",
      collectorRef: "form:nl",
      collectedAt: new Date("2026-10-01T10:00:00Z"),
      legalBasis: "consent",
    },
    [
      {
        scope: "political_email",
        mechanism: "unticked_checkbox",
        capturedAt: new Date("2026-10-01T10:00:00Z"),
      },
    ],
  );
  const [consent] = await handle.db.select().from(consents).where(eq(consents.contactId, added.contactId));
  const plan = await (await callerFor(handle.db, handle.driver, team.members.admin, { keys })).purge.create({
    reasons: ["objected_all"],
  });
  return {
    ...team,
    passwords,
    spares: { promoted: promoted.userId, removed: removed.userId },
    signIn: { email: signer.email, password: signer.oneTimePassword },
    consenting: { contactId: added.contactId, consentId: consent?.id ?? "" },
    plan,
  };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

type Procedure = (input?: unknown) => Promise<unknown>;
/** `caller.a.b` for the path "a.b". */
function procedureAt(caller: object, path: string): Procedure {
  let at: unknown = caller;
  for (const key of path.split(".")) at = (at as Record<string, unknown>)[key];
  return at as Procedure;
}

const mayCall = (allowed: Allowed, who: Who) =>
  allowed === "public" || (who !== "signed out" && (allowed === "signed in" || allowed.includes(who)));

describe("the role table of this test", () => {
  it("has a row for every procedure of the router, and none for a procedure it no longer has", () => {
    expect(routerPaths.length).toBeGreaterThan(40);
    expect(
      routerPaths.filter((path) => !(path in decisions)),
      "procedures without a role decision",
    ).toEqual([]);
    expect(
      Object.keys(decisions).filter((path) => !routerPaths.includes(path)),
      "rows of no procedure",
    ).toEqual([]);
  });

  it("names, for each guarded procedure, a capability granting exactly the roles it declares", () => {
    const drift = Object.entries(decisions).flatMap(([path, { allowed, capability }]) => {
      if (!capability) return [];
      const granted = roles.filter((r) => can(r, capability));
      return typeof allowed !== "string" && granted.join() === allowed.join()
        ? []
        : [`${path}: ${capability} grants ${granted.join(", ")}; the table says ${String(allowed)}`];
    });
    expect(drift).toEqual([]);
  });
});

describe.each(testDatabases())("every procedure, as every role, on $name", (target) => {
  let handle: DbHandle;
  let jobs: JobQueue;
  let f: Fixture;
  beforeAll(async () => {
    handle = await target.open();
    jobs = await openEmbeddedQueue(handle.db); // no worker: a queued run stays queued
    f = await fixture(handle);
  });
  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await handle?.close();
  });

  const callers = async (who: Who) =>
    who === "signed out"
      ? anonymousCaller(handle.db, handle.driver)
      : callerFor(handle.db, handle.driver, f.members[who], { jobs, keys });

  it.each(routerPaths)("%s lets in exactly the roles of its row", async (path) => {
    const decision = decisions[path];
    if (!decision) {
      throw new Error(
        `${path} has no role decision: add its row to \`decisions\` in roles.test.ts (who may call it, per docs/roles.md, and a minimal input)`,
      );
    }
    const wrong: string[] = [];
    for (const who of [...roles, "signed out"] as const) {
      const input = decision.input?.(f, who);
      let code = "OK";
      try {
        await procedureAt(await callers(who), path)(input);
      } catch (error) {
        code = error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
      }
      if (mayCall(decision.allowed, who)) {
        // let in: the input may still be refused (NOT_FOUND, CONFLICT…), but not the caller, and nothing crashes
        if (["FORBIDDEN", "UNAUTHORIZED", "INTERNAL_SERVER_ERROR"].includes(code) || code.startsWith("not a"))
          wrong.push(`${who}: expected to be let in, got ${code}`);
      } else {
        const expected = who === "signed out" ? "UNAUTHORIZED" : "FORBIDDEN";
        if (code !== expected) wrong.push(`${who}: expected ${expected}, got ${code}`);
      }
    }
    expect(wrong.join("\n")).toBe("");
  });
});
