import {
  ContactListQuery,
  ContactNotFoundError,
  countBySource,
  getContactDetail,
  listContacts,
  recordObjection,
  withdrawConsent,
} from "@isoloir/contacts";
import { can } from "@isoloir/accounts";
import { channels } from "@isoloir/db";
import { z } from "zod";
import { capable, router } from "../trpc";
import { assignedContactIds } from "../assignments";

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
    .mutation(async ({ ctx, input }) => ({
      withdrawn: await withdrawConsent(ctx.db, { orgId: ctx.org.id, ...input }),
    })),

  /** Records an objection; to everything, it also suppresses the person for good. */
  object: capable("exportImport")
    .input(z.object({ contactId: z.uuid(), scope: z.union([z.literal("all"), z.array(z.enum(channels)).min(1)]) }).strict())
    .mutation(async ({ ctx, input }) => {
      await recordObjection(ctx.db, ctx.org.id, input.contactId, input.scope);
      return { objected: true };
    }),

  /** Contacts per source kind, for the dashboard chart. */
  bySource: capable("readAllContacts").query(({ ctx }) => countBySource(ctx.db, ctx.org.id)),
});
