import { pseudonym } from "@isoloir/audit";
import { requireReadableContact } from "@isoloir/contacts";
import { withTenant } from "@isoloir/db";
import {
  ContactFilter,
  contactFilterSql,
  EnrichmentJobData,
  type EnrichmentJobOutput,
  eligibleContactIds,
  enrichmentEligibility,
  enrichmentsOf,
  Network,
  ProviderNotAllowedError,
  providerAllowed,
  removeEnrichment,
  startEnrichment,
} from "@isoloir/enrichment";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { capable, queueProcedure, router } from "../trpc";

const Target = z.object({ provider: Network, filter: ContactFilter.optional() }).strict();

export const enrichmentRouter = router({
  /** How many contacts an enrichment would reach, and per rule id why the others would not. */
  preview: capable("runEnrichment")
    .input(Target)
    .query(({ ctx, input }) =>
      enrichmentEligibility(ctx.db, {
        orgId: ctx.org.id,
        provider: input.provider,
        filter: contactFilterSql(input.filter),
      }),
    ),

  /** Queues a job over the eligible contacts; the gate is taken again before every call. */
  start: queueProcedure("runEnrichment")
    .input(Target)
    .mutation(async ({ ctx, input }) => {
      const ids = await withTenant(ctx.db, ctx.org.id, async (tx) => {
        if (!(await providerAllowed(tx, ctx.org.id, input.provider)))
          throw new ProviderNotAllowedError(input.provider);
        return eligibleContactIds(tx, {
          orgId: ctx.org.id,
          provider: input.provider,
          filter: contactFilterSql(input.filter),
        });
      });
      if (ids.length === 0)
        throw new TRPCError({ code: "BAD_REQUEST", message: "nobody is eligible: nothing to enrich" });
      const jobId = await startEnrichment(ctx.db, ctx.jobs, providerAllowed, {
        orgId: ctx.org.id,
        provider: input.provider,
        contactIds: ids,
        requestedBy: ctx.member.actor,
      });
      return { jobId, contacts: ids.length };
    }),

  /** A job's state and progress, for the progress view. Another organisation's job is not found. */
  job: queueProcedure("runEnrichment")
    .input(z.object({ id: z.uuid() }).strict())
    .query(async ({ ctx, input }) => {
      const job = await ctx.jobs.getJob<unknown, EnrichmentJobOutput>(input.id);
      const data = EnrichmentJobData.safeParse(job?.data);
      if (!job || !data.success || data.data.orgId !== ctx.org.id)
        throw new TRPCError({ code: "NOT_FOUND", message: "job not found" });
      return {
        id: job.id,
        state: job.state,
        provider: data.data.provider,
        progress: job.progress ?? { done: 0, total: data.data.contactIds.length },
        output: job.output,
        error: job.state === "failed" ? job.error : null,
      };
    }),

  /** A contact's enriched data with provider and consent (a country switched off shows none). */
  forContact: capable("readContacts")
    .input(z.object({ contactId: z.uuid() }).strict())
    .query(async ({ ctx, input }) => {
      await requireReadableContact(ctx.db, {
        orgId: ctx.org.id,
        userId: ctx.user.id,
        role: ctx.member.role,
        contactId: input.contactId,
      });
      return enrichmentsOf(ctx.db, ctx.org.id, input.contactId, ctx.org.country);
    }),

  /**
   * "Remove enrichment": one provider's data, or all of it. Audited. A contact the member cannot read
   * (another organisation's) is not found, and leaves no audit entry behind.
   */
  remove: capable("runEnrichment")
    .input(z.object({ contactId: z.uuid(), provider: Network.optional() }).strict())
    .mutation(async ({ ctx, input }) => {
      await requireReadableContact(ctx.db, {
        orgId: ctx.org.id,
        userId: ctx.user.id,
        role: ctx.member.role,
        contactId: input.contactId,
      });
      return {
        removed: await removeEnrichment(ctx.db, {
          orgId: ctx.org.id,
          contactId: input.contactId,
          provider: input.provider,
          actor: ctx.member.actor,
          target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "contact", input.contactId),
        }),
      };
    }),
});
