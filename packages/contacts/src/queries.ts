import { consents, contacts, type Db, inSequence, objections, provenance, sourceKinds } from "@isoloir/db";
import { and, asc, count, desc, eq, exists, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { ContactNotFoundError } from "./errors";
import { findSuppressions, type SuppressionRecord } from "./suppression";

export const ContactListQuery = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(200).default(50),
    search: z.string().trim().max(200).optional(),
    source: z.enum(sourceKinds).optional(),
    /** when set, only these contacts (a volunteer's assigned lists) */
    onlyIds: z.array(z.uuid()).optional(),
  })
  .strict();
export type ContactListQuery = z.input<typeof ContactListQuery>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function hasSource(db: Db, orgId: string, source: (typeof sourceKinds)[number]) {
  return exists(
    db
      .select({ one: provenance.id })
      .from(provenance)
      .where(
        and(
          eq(provenance.orgId, orgId),
          eq(provenance.contactId, contacts.id),
          eq(provenance.source, source),
        ),
      ),
  );
}

function listFilter(db: Db, orgId: string, query: z.infer<typeof ContactListQuery>): SQL | undefined {
  const clauses: (SQL | undefined)[] = [eq(contacts.orgId, orgId)];
  if (query.search) {
    const pattern = `%${escapeLike(query.search)}%`;
    clauses.push(
      or(
        ilike(contacts.lastName, pattern),
        ilike(contacts.firstName, pattern),
        ilike(contacts.email, pattern),
      ),
    );
  }
  if (query.source) clauses.push(hasSource(db, orgId, query.source));
  if (query.onlyIds) clauses.push(query.onlyIds.length ? inArray(contacts.id, query.onlyIds) : sql`false`);
  return and(...clauses);
}

/** One page of an organisation's contacts, newest first, with the total for pagination. */
export async function listContacts(db: Db, orgId: string, rawQuery: ContactListQuery) {
  const query = ContactListQuery.parse(rawQuery);
  const where = listFilter(db, orgId, query);
  const [total] = await db.select({ n: count() }).from(contacts).where(where);
  const items = await db
    .select({
      id: contacts.id,
      firstName: contacts.firstName,
      lastName: contacts.lastName,
      email: contacts.email,
      phone: contacts.phone,
      postalCode: contacts.postalCode,
      city: contacts.city,
      country: contacts.country,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .where(where)
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** A contact with every origin of its data and its whole consent ledger. Foreign ids are not found. */
export async function getContactDetail(db: Db, orgId: string, contactId: string) {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.id, contactId)));
  if (!contact) throw new ContactNotFoundError();
  const [origins, ledger, objectionRows] = await inSequence([
    () =>
      db
        .select()
        .from(provenance)
        .where(and(eq(provenance.orgId, orgId), eq(provenance.contactId, contactId)))
        .orderBy(asc(provenance.collectedAt)),
    () =>
      db
        .select()
        .from(consents)
        .where(and(eq(consents.orgId, orgId), eq(consents.contactId, contactId)))
        .orderBy(desc(consents.capturedAt)),
    () =>
      db
        .select()
        .from(objections)
        .where(and(eq(objections.orgId, orgId), eq(objections.contactId, contactId)))
        .orderBy(asc(objections.at)),
  ]);
  const records = await findSuppressions(db, orgId, contact);
  const { emailHmac: _e, phoneHmac: _p, identityHmac: _i, ...visible } = contact;
  return {
    contact: visible,
    provenance: origins,
    consents: ledger,
    objections: objectionRows.map((o) => ({ ...o, suppressedBy: backing(o, records) })),
  };
}

/**
 * The identifiers (email, phone, identity) whose suppression record backs an objection: a record whose
 * scope covers the objection's and that dates from it or earlier. Empty: the objection lives only on the
 * contact, and would go with it.
 */
function backing(
  objection: { allChannels: boolean; channels: string[]; at: Date },
  records: SuppressionRecord[],
): SuppressionRecord["kind"][] {
  const covers = (r: SuppressionRecord) =>
    r.at.getTime() <= objection.at.getTime() &&
    (r.allChannels ||
      (!objection.allChannels && objection.channels.every((c) => (r.channels as string[]).includes(c))));
  return [...new Set(records.filter(covers).map((r) => r.kind))].sort();
}

/** How many contacts have at least one origin of each source kind (a contact with two sources counts twice). */
export async function countBySource(db: Db, orgId: string) {
  const rows = await db
    .select({
      source: provenance.source,
      contacts: sql<number>`count(distinct ${provenance.contactId})::int`,
    })
    .from(provenance)
    .where(eq(provenance.orgId, orgId))
    .groupBy(provenance.source);
  return rows.sort((a, b) => b.contacts - a.contacts);
}
