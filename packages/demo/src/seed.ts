import { createUser } from "@isoloir/accounts";
import { appendAudit, systemActor } from "@isoloir/audit";
import { admitPerson, recordObjection } from "@isoloir/contacts";
import {
  contactAssignments,
  contacts,
  type Db,
  type Keys,
  memberships,
  organisations,
  roles,
  users,
} from "@isoloir/db";
import { and, eq, like } from "drizzle-orm";
import { demoPerson } from "./contacts";
import {
  demoDomain,
  demoOrganisation,
  demoPassword,
  demoSlug,
  insertElections,
  insertNotices,
  insertProcessors,
} from "./fixtures";
import { type LegacyCounts, seedLegacyBatch } from "./legacy";
import { seededRandom } from "./random";

export interface SeedOptions {
  /** how many contacts to generate (default 2,000) */
  contacts?: number;
  /** drop and re-create the demo organisation */
  force?: boolean;
  /** add the legacy batch to clean up with a purge (default true) */
  legacy?: boolean;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  created: boolean;
  orgId: string;
  contacts: number;
  /** what the legacy batch added (absent when the demo already existed or legacy was off) */
  legacy?: LegacyCounts;
  signIns: { email: string; role: string }[];
  password: string;
}

export const demoSignIns = roles.map((role) => ({ email: `${role}@${demoDomain}`, role }));

/** Seeds the demo campaign once: a French party preparing the 2027 legislative elections. */
export async function seedDemo(db: Db, keys: Keys, options: SeedOptions = {}): Promise<SeedResult> {
  const [existing] = await db.select().from(organisations).where(eq(organisations.slug, demoSlug));
  if (existing && !options.force) {
    const count = await db.$count(contacts, eq(contacts.orgId, existing.id));
    return {
      created: false,
      orgId: existing.id,
      contacts: count,
      signIns: demoSignIns,
      password: demoPassword,
    };
  }
  if (existing) await db.delete(organisations).where(eq(organisations.id, existing.id));
  await db.delete(users).where(like(users.email, `%@${demoDomain}`));
  const [org] = await db.insert(organisations).values(demoOrganisation).returning();
  if (!org) throw new Error("insert organisation returned nothing");
  const userIds = await seedMembers(db, org.id);
  await insertNotices(db, org.id);
  await insertProcessors(db, org.id);
  const electionIds = await insertElections(db, org.id);
  const total = options.contacts ?? 2000;
  const contactIds = await seedContacts(db, keys, org.id, total, options, {
    legislative: electionIds.legislative.id,
    municipal: electionIds.municipal.id,
  });
  const legacy =
    options.legacy === false
      ? undefined
      : await seedLegacyBatch(db, keys, org.id, total, options.now ?? new Date());
  const volunteer = userIds.volunteer;
  if (volunteer) {
    await db
      .insert(contactAssignments)
      .values(contactIds.slice(0, 25).map((contactId) => ({ orgId: org.id, userId: volunteer, contactId })));
  }
  await appendAudit(db, {
    orgId: org.id,
    action: "demo.seeded",
    actor: systemActor,
    details: { contacts: total, legacy: legacy ?? null },
  });
  const contactCount = await db.$count(contacts, eq(contacts.orgId, org.id));
  return {
    created: true,
    orgId: org.id,
    contacts: contactCount,
    legacy,
    signIns: demoSignIns,
    password: demoPassword,
  };
}

/** How long before the seed the demo's roles were granted: past four eyes' cooling-off (24 h by default). */
export const demoGrantAgeDays = 30;

/**
 * One member per role with the known demo password (no forced change), and a platform operator. The
 * roles are recorded as granted `demoGrantAgeDays` earlier (by nobody: the seed is the bootstrap), so the
 * purge walkthrough's compliance member may approve the admin's plan at once.
 */
async function seedMembers(db: Db, orgId: string): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const roleGrantedAt = new Date(Date.now() - demoGrantAgeDays * 86_400_000);
  for (const { email, role } of demoSignIns) {
    const user = await createUser(db, { email, name: `Démo ${role}`, password: demoPassword });
    await db.insert(memberships).values({ orgId, userId: user.id, role, roleGrantedAt });
    ids[role] = user.id;
  }
  await createUser(db, {
    email: `operator@${demoDomain}`,
    name: "Opérateur plateforme",
    password: demoPassword,
    platformOperator: true,
  });
  return ids;
}

async function seedContacts(
  db: Db,
  keys: Keys,
  orgId: string,
  total: number,
  options: SeedOptions,
  electionIds: { legislative: string; municipal: string },
): Promise<string[]> {
  const random = seededRandom(2027);
  const now = options.now ?? new Date();
  const ctx = { orgId, hmacKey: keys.hmacKey, defaultCountry: "FR" };
  const ids: string[] = [];
  for (let i = 0; i < total; i++) {
    const person = demoPerson(random, i, now, electionIds);
    const [first, ...more] = person.origins;
    if (!first) continue;
    const { contactId } = await admitPerson(db, ctx, person.identity, first, person.consents);
    for (const origin of more) await admitPerson(db, ctx, person.identity, origin);
    await db
      .update(contacts)
      .set({
        messagesSent: person.messagesSent,
        lastMessageAt: person.lastMessageAt ?? null,
        lastPositiveInteractionAt: person.lastPositiveInteractionAt ?? null,
      })
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
    if (person.objection) await recordObjection(db, orgId, contactId, person.objection, now);
    ids.push(contactId);
    options.onProgress?.(i + 1, total);
  }
  return ids;
}
