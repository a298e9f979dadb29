import {
  ContactListQuery,
  countBySource,
  getContactDetail,
  listContacts,
  readableContactIds,
  recordObjectionAudited,
  requireReadableContact,
  withdrawConsentAudited,
} from "@isoloir/contacts";
import { channels, type Role } from "@isoloir/db";
import { z } from "zod";
import { capable, router } from "../trpc";

const readerOf = (ctx: { org: { id: string }; user: { id: string }; member: { role: Role } }) => ({
  orgId: ctx.org.id,
  userId: ctx.user.id,
  role: ctx.member.role,
});

const memberAction = (
  ctx: { org: { id: string }; member: { actor: string }; keys: { hmacKey: string } },
  contactId: string,
) => ({ orgId: ctx.org.id, contactId, actor: ctx.member.actor, hmacKey: ctx.keys.hmacKey });

export const contactsRouter = router({
  list: capable("readContacts")
    .input(ContactListQuery.omit({ onlyIds: true }))
    .query(async ({ ctx, input }) => {
      const onlyIds = await readableContactIds(ctx.db, readerOf(ctx));
      return listContacts(ctx.db, ctx.org.id, { ...input, onlyIds });
    }),

  get: capable("readContacts")
    .input(z.object({ id: z.uuid() }).strict())
    .query(async ({ ctx, input }) => {
      await requireReadableContact(ctx.db, { ...readerOf(ctx), contactId: input.id });
      return getContactDetail(ctx.db, ctx.org.id, input.id);
    }),

  /** Withdraws one consent (takes effect everywhere at once; derived enrichment data goes with it). */
  withdrawConsent: capable("exportImport")
    .input(z.object({ contactId: z.uuid(), consentId: z.uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      const { withdrawn } = await withdrawConsentAudited(ctx.db, {
        ...memberAction(ctx, input.contactId),
        consentId: input.consentId,
      });
      return { withdrawn };
    }),

  /** Records an objection; every objection writes its suppression record at once (its scope and date). */
  object: capable("exportImport")
    .input(
      z
        .object({ contactId: z.uuid(), scope: z.union([z.literal("all"), z.array(z.enum(channels)).min(1)]) })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      await recordObjectionAudited(ctx.db, { ...memberAction(ctx, input.contactId), scope: input.scope });
      return { objected: true };
    }),

  /** Contacts per source kind, for the dashboard chart. */
  bySource: capable("readAllContacts").query(({ ctx }) => countBySource(ctx.db, ctx.org.id)),
});
