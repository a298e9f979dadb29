import { can } from "@isoloir/accounts";
import { appendAudit, pseudonym } from "@isoloir/audit";
import {
  ContactListQuery,
  ContactNotFoundError,
  countBySource,
  getContactDetail,
  listContacts,
  recordObjection,
  withdrawConsent,
} from "@isoloir/contacts";
import { channels, type Db, enrichments } from "@isoloir/db";
import { and, count, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { assignedContactIds } from "../assignments";
import { capable, router } from "../trpc";

export const contactsRouter = router({
  list: capable("readContacts")
    .input(ContactListQuery.omit({ onlyIds: true }))
    .query(async ({ ctx, input }) => {
      const onlyIds = can(ctx.member.role, "readAllContacts")
        ? undefined
        : await assignedContactIds(ctx.db, ctx.org.id, ctx.user.id);
      return listContacts(ctx.db, ctx.org.id, { ...input, onlyIds });
    }),

  get: capable("readContacts")
    .input(z.object({ id: z.uuid() }).strict())
    .query(async ({ ctx, input }) => {
      if (!can(ctx.member.role, "readAllContacts")) {
        const allowed = await assignedContactIds(ctx.db, ctx.org.id, ctx.user.id);
        if (!allowed.includes(input.id)) throw new ContactNotFoundError();
      }
      return getContactDetail(ctx.db, ctx.org.id, input.id);
    }),

  /** Withdraws one consent (takes effect everywhere at once; derived enrichment data goes with it). */
  withdrawConsent: capable("exportImport")
    .input(z.object({ contactId: z.uuid(), consentId: z.uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      const derived = await derivedRows(ctx.db, ctx.org.id, eq(enrichments.consentId, input.consentId));
      const withdrawn = await withdrawConsent(ctx.db, { orgId: ctx.org.id, ...input });
      if (withdrawn) await auditDeletion(ctx, "consent.withdrawn", input.contactId, derived);
      return { withdrawn };
    }),

  /** Records an objection; to everything, it also suppresses the person for good. */
  object: capable("exportImport")
    .input(
      z
        .object({ contactId: z.uuid(), scope: z.union([z.literal("all"), z.array(z.enum(channels)).min(1)]) })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const derived = await derivedRows(ctx.db, ctx.org.id, eq(enrichments.contactId, input.contactId));
      await recordObjection(ctx.db, ctx.org.id, input.contactId, input.scope);
      await auditDeletion(ctx, "objection.recorded", input.contactId, derived, { scope: input.scope });
      return { objected: true };
    }),

  /** Contacts per source kind, for the dashboard chart. */
  bySource: capable("readAllContacts").query(({ ctx }) => countBySource(ctx.db, ctx.org.id)),
});

/** Enrichment rows an event is about to delete (the database triggers delete them with the event). */
async function derivedRows(db: Db, orgId: string, which: SQL): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enrichments)
    .where(and(eq(enrichments.orgId, orgId), which));
  return row?.n ?? 0;
}

/** Audits a withdrawal or objection with the derived data it deleted; the contact as a pseudonym. */
function auditDeletion(
  ctx: { db: Db; org: { id: string }; member: { actor: string }; keys: { hmacKey: string } },
  action: string,
  contactId: string,
  enrichmentDeleted: number,
  details: Record<string, unknown> = {},
) {
  return appendAudit(ctx.db, {
    orgId: ctx.org.id,
    action,
    actor: ctx.member.actor,
    target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "contact", contactId),
    details: { ...details, enrichmentDeleted },
  });
}
