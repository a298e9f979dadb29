import { type Channel, contacts, type Db, objections } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { ContactNotFoundError } from "./errors";
import { suppress } from "./suppression";

export type ObjectionScope = "all" | Channel[];

/**
 * Records an objection. An objection to everything also puts the person's identifiers on the
 * suppression list at once, so no import, form or enrichment can bring them back (invariant 5).
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
      .select({ emailHmac: contacts.emailHmac, phoneHmac: contacts.phoneHmac })
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
    if (scope === "all") await suppress(tx, orgId, contact, "objection");
  });
}
