import { sourceKinds } from "@isoloir/db";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";

/** An operator's narrowing of the contacts an enrichment considers; it never decides who is eligible. */
export const ContactFilter = z
  .object({
    source: z.enum(sourceKinds).optional(),
    country: z.string().length(2).optional(),
    search: z.string().trim().min(1).max(200).optional(),
    contactIds: z.array(z.uuid()).min(1).max(10_000).optional(),
  })
  .strict();
export type ContactFilter = z.infer<typeof ContactFilter>;

const escapeLike = (text: string) => `%${text.replace(/[%_\\]/g, "\\$&")}%`;

/** The filter as a condition over the contact (alias c), or undefined when it filters nothing. */
export function contactFilterSql(input: ContactFilter | undefined): SQL | undefined {
  if (!input) return undefined;
  const filter = ContactFilter.parse(input);
  const parts: SQL[] = [];
  if (filter.source) {
    parts.push(
      sql`exists (select 1 from provenance f where f.org_id = c.org_id and f.contact_id = c.id and f.source::text = ${filter.source})`,
    );
  }
  if (filter.country) parts.push(sql`upper(c.country) = upper(${filter.country})`);
  if (filter.search) {
    const like = escapeLike(filter.search);
    parts.push(sql`(c.email ilike ${like} or c.last_name ilike ${like} or c.first_name ilike ${like})`);
  }
  if (filter.contactIds) {
    parts.push(
      sql`c.id in (${sql.join(
        filter.contactIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  return parts.length > 0 ? sql.join(parts, sql` and `) : undefined;
}
