import { appendAudit } from "@isoloir/audit";
import { organisations } from "@isoloir/db";
import { CoolingOffInput, setFourEyesCoolingOff } from "@isoloir/purge";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { capable, orgProcedure, router } from "../trpc";

export const OrgIdentity = z
  .object({
    name: z.string().trim().min(1).max(200),
    controllerName: z.string().trim().min(1).max(200),
    controllerAddress: z.string().trim().max(500),
    controllerEmail: z.email(),
    dpoName: z.string().trim().max(200).nullable(),
    dpoEmail: z.email().nullable(),
  })
  .strict();
export type OrgIdentity = z.infer<typeof OrgIdentity>;

export const organisationRouter = router({
  get: orgProcedure.query(({ ctx }) => ctx.org),

  update: capable("manageOrgSettings")
    .input(OrgIdentity)
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(organisations)
        .set(input)
        .where(eq(organisations.id, ctx.org.id))
        .returning();
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: "organisation.updated",
        actor: ctx.member.actor,
        details: { fields: Object.keys(input) },
      });
      return row;
    }),

  /** Four-eyes purge approval: anyone allowed to manage settings may turn it on; only an owner may turn it off. */
  setFourEyes: capable("manageOrgSettings")
    .input(z.object({ enabled: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      if (!input.enabled && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may turn four-eyes approval off" });
      }
      const [row] = await ctx.db
        .update(organisations)
        .set({ fourEyesPurgeApproval: input.enabled })
        .where(eq(organisations.id, ctx.org.id))
        .returning();
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: input.enabled ? "four_eyes.on" : "four_eyes.off",
        actor: ctx.member.actor,
      });
      return row;
    }),

  /**
   * Four eyes' cooling-off: how many hours an approver must have held the compliance role before a plan
   * was created (default 24). Owner only, audited (`purge.four_eyes_cooling_off_changed`).
   */
  setFourEyesCoolingOff: capable("turnOffFourEyes")
    .input(CoolingOffInput)
    .mutation(async ({ ctx, input }) => ({
      hours: await setFourEyesCoolingOff(
        ctx.db,
        { orgId: ctx.org.id, userId: ctx.user.id, hmacKey: ctx.keys.hmacKey },
        input,
      ),
    })),
});
