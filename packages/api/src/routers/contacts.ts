import {
  ContactListQuery,
  ContactNotFoundError,
  countBySource,
  getContactDetail,
  listContacts,
} from "@isoloir/contacts";
import { can } from "@isoloir/accounts";
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

  /** Contacts per source kind, for the dashboard chart. */
  bySource: capable("readAllContacts").query(({ ctx }) => countBySource(ctx.db, ctx.org.id)),
});
