import {
  Credentials,
  capabilitiesOf,
  changePassword,
  deviceIdFor,
  issueDeviceCookie,
  membershipsOf,
  normaliseEmail,
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

  /**
   * Per client IP, and per account — or per device cookie of that account, which this browser got at an
   * earlier successful sign-in — limited (`signInLimits`); a refusal is TOO_MANY_REQUESTS with Retry-After.
   */
  signIn: publicProcedure.input(Credentials).mutation(async ({ ctx, input }) => {
    const email = normaliseEmail(input.email);
    const deviceId = deviceIdFor(ctx.keys.hmacKey, ctx.deviceCookie, email);
    const { token } = await signIn(ctx.db, input, { ip: ctx.ip, deviceId });
    ctx.setSessionCookie(token);
    if (!deviceId) ctx.setDeviceCookie?.(issueDeviceCookie(ctx.keys.hmacKey, email));
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
      // every other session of this user ends; this one stays
      await changePassword(ctx.db, ctx.user.id, input.current, input.next, { keepToken: ctx.token });
      return { ok: true as const };
    }),

  switchOrganisation: authedProcedure
    .input(z.object({ orgId: z.uuid() }).strict())
    .mutation(async ({ ctx, input }) => {
      await switchOrganisation(ctx.db, ctx.token, ctx.user.id, input.orgId);
      return { ok: true as const };
    }),
});
