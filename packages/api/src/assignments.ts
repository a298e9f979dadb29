import { contactAssignments, type Db } from "@isoloir/db";
import { and, eq } from "drizzle-orm";

/** The contacts on a volunteer's assigned lists. */
export async function assignedContactIds(db: Db, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ contactId: contactAssignments.contactId })
    .from(contactAssignments)
    .where(and(eq(contactAssignments.orgId, orgId), eq(contactAssignments.userId, userId)));
  return rows.map((r) => r.contactId);
}
