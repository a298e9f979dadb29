import {
  Credentials,
  capabilitiesOf,
  changePassword,
  membershipsOf,
  signIn,
  signOut,
  switchOrganisation,
} from "@isoloir/accounts";
import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const authRouter = router({
  /** Who is signed in, their organisations, the active one, its capabilities and the CSRF token. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.session) return null;
    const { user, session } = ctx.session;
    const orgs = await membershipsOf(ctx.db, user.id);
    const active = orgs.find((o) => o.orgId === session.orgId);
    return {
      user: {
        id: user.id,
        email: user.email,
        name: user.name,
        locale: user.locale,
        mustChangePassword: user.mustChangePassword,
      },
      organisations: orgs,
      activeOrg: active ?? null,
      capabilities: active ? capabilitiesOf(active.role) : [],
      csrfToken: session.csrfToken,
    };
  }),

  signIn: publicProcedure.input(Credentials).mutation(async ({ ctx, input }) => {
    const { token } = await signIn(ctx.db, input);
    ctx.setSessionCookie(token);
    return { ok: true as const };
  }),

  signOut: authedProcedure.input(z.object({}).strict().optional()).mutation(async ({ ctx }) => {
    await signOut(ctx.db, ctx.token);
    ctx.setSessionCookie(null);
    return { ok: true as const };
  }),

  changePassword: authedProcedure
    .input(z.object({ current: z.string().min(1).max(200), next: z.string().min(10).max(200) }).strict())
    .mutation(async ({ ctx, input }) => {
      await changePassword(ctx.db, ctx.user.id, input.current, input.next);
      return { ok: true as const };
    }),

  switchOrganisation: authedProcedure
    .input(z.object({ orgId: z.uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      await switchOrganisation(ctx.db, ctx.token, ctx.user.id, input.orgId);
      return { ok: true as const };
    }),
});
