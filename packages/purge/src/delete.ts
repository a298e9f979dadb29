import { suppress } from "@isoloir/contacts";
import { contacts, type Db, enrichments, provenance } from "@isoloir/db";
import { and, eq, inArray, sql } from "drizzle-orm";

export interface BatchTarget {
  kind: "contact" | "provenance" | "enrichment";
  targetId: string;
  contactId: string;
  reason: string;
}

/** Contact fields a provenance row can bring, with their columns. */
const broughtFields = {
  firstName: "first_name",
  lastName: "last_name",
  email: "email",
  phone: "phone",
  addressLine: "address_line",
  postalCode: "postal_code",
  city: "city",
  country: "country",
  birthYear: "birth_year",
} as const;

/** Deletes one batch's targets; returns how many were still there. Cascades do the dependent rows. */
export async function deleteTargets(tx: Db, orgId: string, batch: BatchTarget[]): Promise<number> {
  const ids = (kind: BatchTarget["kind"]) => batch.filter((t) => t.kind === kind).map((t) => t.targetId);
  await suppressObjectors(tx, orgId, batch);
  const gone = await Promise.all([
    deleteRows(tx, contacts, orgId, ids("contact")),
    deleteProvenance(tx, orgId, ids("provenance"), batch),
    deleteRows(tx, enrichments, orgId, ids("enrichment")),
  ]);
  return gone.reduce((a, b) => a + b, 0);
}

async function deleteRows(tx: Db, table: typeof contacts | typeof enrichments, orgId: string, ids: string[]) {
  if (ids.length === 0) return 0;
  const deleted = await tx
    .delete(table)
    .where(and(eq(table.orgId, orgId), inArray(table.id, ids)))
    .returning({ id: table.id });
  return deleted.length;
}

/** People removed because they objected leave their identifiers' HMACs on the suppression list. */
async function suppressObjectors(tx: Db, orgId: string, batch: BatchTarget[]) {
  const objectors = batch.filter((t) => t.kind === "contact" && t.reason === "objection").map((t) => t.targetId);
  if (objectors.length === 0) return;
  const rows = await tx
    .select({ emailHmac: contacts.emailHmac, phoneHmac: contacts.phoneHmac })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, objectors)));
  for (const row of rows) await suppress(tx, orgId, row, "objection");
}

/** Deletes provenance rows, then blanks the contact fields that no remaining origin brings. */
async function deleteProvenance(tx: Db, orgId: string, ids: string[], batch: BatchTarget[]) {
  if (ids.length === 0) return 0;
  const deleted = await tx
    .delete(provenance)
    .where(and(eq(provenance.orgId, orgId), inArray(provenance.id, ids)))
    .returning({ id: provenance.id });
  const affected = [...new Set(batch.filter((t) => t.kind === "provenance").map((t) => t.contactId))];
  const assignments = Object.entries(broughtFields).map(
    ([field, column]) =>
      sql`${sql.identifier(column)} = case when exists (select 1 from provenance p where p.org_id = c.org_id and p.contact_id = c.id and ${field} = any(p.fields)) then ${sql.identifier(column)} else null end`,
  );
  await tx.execute(sql`
    update contacts c set ${sql.join(assignments, sql`, `)},
      email_hmac = case when exists (select 1 from provenance p where p.org_id = c.org_id and p.contact_id = c.id and 'email' = any(p.fields)) then email_hmac else null end,
      phone_hmac = case when exists (select 1 from provenance p where p.org_id = c.org_id and p.contact_id = c.id and 'phone' = any(p.fields)) then phone_hmac else null end,
      updated_at = now()
    where c.org_id = ${orgId} and c.id in (${sql.join(affected.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return deleted.length;
}
