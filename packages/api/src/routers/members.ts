import { addMember, changeRole, listMembers, NewMember, removeMember } from "@isoloir/accounts";
import { appendAudit, pseudonym } from "@isoloir/audit";
import { roles } from "@isoloir/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { capable, router } from "../trpc";

const MemberRef = z.object({ userId: z.uuid() }).strict();

export const membersRouter = router({
  list: capable("manageMembers").query(({ ctx }) => listMembers(ctx.db, ctx.org.id)),

  /** Creates the account with a one-time password, returned here once and never stored in clear. */
  add: capable("manageMembers")
    .input(NewMember)
    .mutation(async ({ ctx, input }) => {
      if (input.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may add another owner" });
      }
      const added = await addMember(ctx.db, ctx.org.id, input);
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: "member.added",
        actor: ctx.member.actor,
        target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "user", added.userId),
        details: { role: added.role },
      });
      return added;
    }),

  changeRole: capable("manageMembers")
    .input(MemberRef.extend({ role: z.enum(roles) }))
    .mutation(async ({ ctx, input }) => {
      if (input.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may make someone an owner" });
      }
      const current = (await listMembers(ctx.db, ctx.org.id)).find((m) => m.userId === input.userId);
      if (current?.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may change an owner's role" });
      }
      const row = await changeRole(ctx.db, ctx.org.id, input.userId, input.role);
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: "member.role_changed",
        actor: ctx.member.actor,
        target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "user", input.userId),
        details: { role: input.role },
      });
      return row;
    }),

  remove: capable("manageMembers")
    .input(MemberRef)
    .mutation(async ({ ctx, input }) => {
      const current = (await listMembers(ctx.db, ctx.org.id)).find((m) => m.userId === input.userId);
      if (current?.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may remove an owner" });
      }
      await removeMember(ctx.db, ctx.org.id, input.userId);
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: "member.removed",
        actor: ctx.member.actor,
        target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "user", input.userId),
      });
      return { ok: true as const };
    }),
});
