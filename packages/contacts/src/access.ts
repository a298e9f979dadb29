import { can } from "@isoloir/accounts";
import { contactAssignments, contacts, type Db, type Role } from "@isoloir/db";
import { and, eq } from "drizzle-orm";
import { ContactNotFoundError } from "./errors";

/** Who is reading: a member of the organisation, with the role that decides what they may see. */
export interface Reader {
  orgId: string;
  userId: string;
  role: Role;
}

/**
 * The contacts a member may read: `undefined` for every contact of the organisation (a role with
 * `readAllContacts`), otherwise the ids on their assigned lists (a volunteer).
 */
export async function readableContactIds(db: Db, reader: Reader): Promise<string[] | undefined> {
  if (can(reader.role, "readAllContacts")) return undefined;
  const rows = await db
    .select({ contactId: contactAssignments.contactId })
    .from(contactAssignments)
    .where(and(eq(contactAssignments.orgId, reader.orgId), eq(contactAssignments.userId, reader.userId)));
  return rows.map((r) => r.contactId);
}

/**
 * Refuses a contact the member may not read with `ContactNotFoundError` — the same answer as a contact
 * that does not exist, so a volunteer learns nothing about contacts outside their lists. A contact that
 * is not the organisation's (another one's id, or none) is refused too, whatever the role: what follows
 * (an audited removal, say) never acts on an id the organisation does not hold.
 */
export async function requireReadableContact(db: Db, params: Reader & { contactId: string }): Promise<void> {
  const readable = await readableContactIds(db, params);
  if (readable) {
    if (!readable.includes(params.contactId)) throw new ContactNotFoundError();
    return;
  }
  const [held] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.orgId, params.orgId), eq(contacts.id, params.contactId)));
  if (!held) throw new ContactNotFoundError();
}
