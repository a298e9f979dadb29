import { type Channel, contacts, type Db, objections } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { ContactNotFoundError } from "./errors";
import { suppress } from "./suppression";

export type ObjectionScope = "all" | Channel[];

/**
 * Records an objection, and at once a suppression record of the same scope and date for each of the
 * person's identifiers (email, phone, identity key), merged with any already there (invariant 5): the
 * objection outlives the contact, whatever later removes it. A record of scope `all` keeps the person
 * out of every import, form or enrichment; a scoped one is carried back onto them if they return.
 */
export async function recordObjection(
  db: Db,
  orgId: string,
  contactId: string,
  scope: ObjectionScope,
  at: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const [contact] = await tx
      .select({
        emailHmac: contacts.emailHmac,
        phoneHmac: contacts.phoneHmac,
        identityHmac: contacts.identityHmac,
      })
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
    if (!contact) throw new ContactNotFoundError();
    await tx.insert(objections).values({
      orgId,
      contactId,
      allChannels: scope === "all",
      channels: scope === "all" ? [] : scope,
      at,
    });
    await suppress(tx, orgId, contact, "objection", scope, at);
  });
}
