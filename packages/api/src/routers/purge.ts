import { type Db, withTenant } from "@isoloir/db";
import type { JobQueue } from "@isoloir/jobs";
import {
  approvePlan,
  certificateHash,
  certificatePage,
  Granularity,
  getCertificate,
  getPlan,
  latestRun,
  listPlans,
  MissingSigningKeyError,
  PlanNotFoundError,
  PlanScope,
  PlanStateError,
  PURGE_QUEUE,
  PurgeJobData,
  type PurgeJobOutput,
  planPurge,
  publicKeyOf,
  queuePurgeRun,
  ReasonKey,
  readCertificate,
  verifyCertificate,
} from "@isoloir/purge";
import { z } from "zod";
import { planSummary, planView, reasonCatalogue, runView, type Viewer } from "../purge/views";
import { capable, queueProcedure, router } from "../trpc";

const PlanId = z.object({ planId: z.uuid() }).strict();

const CreatePlan = z
  .object({
    reasons: z.array(ReasonKey).min(1).max(20),
    scope: PlanScope.optional(),
    granularity: Granularity.default("auto"),
    expiresInDays: z.number().int().min(1).max(30).optional(),
  })
  .strict();

interface MemberCtx {
  org: { id: string; fourEyesPurgeApproval: boolean; fourEyesCoolingOffHours: number };
  user: { id: string };
  member: { role: Viewer["role"] };
  keys: { hmacKey: string };
}

const viewerOf = (ctx: MemberCtx): Viewer => ({
  orgId: ctx.org.id,
  userId: ctx.user.id,
  role: ctx.member.role,
  hmacKey: ctx.keys.hmacKey,
  fourEyes: ctx.org.fourEyesPurgeApproval,
  coolingOffHours: ctx.org.fourEyesCoolingOffHours,
});

const purgeCtx = (ctx: MemberCtx) => ({ orgId: ctx.org.id, userId: ctx.user.id, hmacKey: ctx.keys.hmacKey });

/** The plan's latest run job (runs are sent with the plan id as singleton key; scoped by org id), if any. */
async function latestJob(jobs: JobQueue, orgId: string, planId: string) {
  const list = await jobs.listJobs(PURGE_QUEUE, { singletonKey: planId, limit: 20 });
  const job = list.find((j) => {
    const data = PurgeJobData.safeParse(j.data);
    return data.success && data.data.orgId === orgId && data.data.planId === planId;
  });
  if (!job) return null;
  const output = job.output as PurgeJobOutput | null;
  return {
    id: job.id,
    state: job.state,
    progress: job.progress,
    output,
    error: job.state === "failed" ? job.error : null,
  };
}

async function certificateOf(db: Db, orgId: string, planId: string) {
  const plan = await getPlan(db, { orgId, planId });
  const certificate = await getCertificate(db, { orgId, planId });
  if (!certificate) throw new PlanStateError(plan.id, plan.state, "only a completed plan has a certificate");
  return certificate;
}

export const purgeRouter = router({
  /** The reasons a plan may name, each with the rule ids behind it. */
  reasons: capable("planPurge").query(() => reasonCatalogue()),

  /** The organisation's plans, newest first. */
  list: capable("readAudit")
    .input(
      z
        .object({ limit: z.number().int().min(1).max(200).default(50) })
        .strict()
        .optional(),
    )
    .query(async ({ ctx, input }) =>
      (await listPlans(ctx.db, { orgId: ctx.org.id, limit: input?.limit ?? 50 })).map(planSummary),
    ),

  /** One plan for review: counts per reason and rule id, samples, "needs a human" rows, run, approval. */
  get: capable("readAudit")
    .input(PlanId)
    .query(async ({ ctx, input }) =>
      planView(ctx.db, await getPlan(ctx.db, { orgId: ctx.org.id, planId: input.planId }), viewerOf(ctx)),
    ),

  /** Plans a purge: freezes its targets with exact counts. Nothing is deleted. */
  create: capable("planPurge")
    .input(CreatePlan)
    .mutation(async ({ ctx, input }) => {
      const plan = await planPurge(ctx.db, purgeCtx(ctx), input);
      return planSummary(plan);
    }),

  /** A compliance member approves the plan they reviewed (its hash); four eyes unless turned off. */
  approve: capable("approvePurge")
    .input(PlanId.extend({ planHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict())
    .mutation(async ({ ctx, input }) => planSummary(await approvePlan(ctx.db, purgeCtx(ctx), input))),

  /**
   * Runs (or resumes) an approved plan as a background job; returns the job id. The process's purge
   * worker (started by `startJobWorkers`) runs it.
   */
  run: queueProcedure("runPurge")
    .input(PlanId)
    .mutation(async ({ ctx, input }) => {
      if (!ctx.keys.signingKey) throw new MissingSigningKeyError();
      const plan = await withTenant(ctx.db, ctx.org.id, (tx) =>
        getPlan(tx, { orgId: ctx.org.id, planId: input.planId }),
      );
      if (plan.state !== "approved" && plan.state !== "running") {
        throw new PlanStateError(plan.id, plan.state, "only an approved plan can run");
      }
      const jobId = await queuePurgeRun(ctx.db, ctx.jobs, purgeCtx(ctx), { planId: plan.id });
      return { jobId, total: plan.counts.targets };
    }),

  /** The run's live progress: done / total from the run's committed batches, and the job's state. Reads only. */
  progress: queueProcedure("runPurge")
    .input(PlanId)
    .query(async ({ ctx, input }) => {
      const ref = { orgId: ctx.org.id, planId: input.planId };
      const { plan, run, certified } = await withTenant(ctx.db, ctx.org.id, async (tx) => {
        const found = await getPlan(tx, ref);
        return {
          plan: found,
          run: await latestRun(tx, ref),
          certified: (await getCertificate(tx, ref)) !== undefined,
        };
      });
      const job = await latestJob(ctx.jobs, ctx.org.id, plan.id);
      const runInfo = run ? runView(viewerOf(ctx), run) : null;
      return {
        planId: plan.id,
        planState: plan.state,
        total: plan.counts.targets,
        done: runInfo ? runInfo.deleted + runInfo.alreadyGone : 0,
        run: runInfo,
        job,
        certified,
      };
    }),

  /** The signed certificate (JSON), its hash, and the same as a readable page (HTML). */
  certificate: capable("readAudit")
    .input(PlanId)
    .query(async ({ ctx, input }) => {
      const certificate = await certificateOf(ctx.db, ctx.org.id, input.planId);
      return { certificate, hash: certificateHash(certificate.body), page: certificatePage(certificate) };
    }),

  /** Verifies a certificate of this organisation: signature, key, audit chain, counts and erasure digests. */
  verify: capable("readAudit")
    .input(z.object({ certificate: z.unknown() }).strict())
    .mutation(async ({ ctx, input }) => {
      const certificate = readCertificate(input.certificate);
      if (certificate.body.organisation.id !== ctx.org.id)
        throw new PlanNotFoundError(certificate.body.plan.id);
      const installationPublicKey = ctx.keys.signingKey ? publicKeyOf(ctx.keys.signingKey) : undefined;
      return verifyCertificate(ctx.db, certificate, { installationPublicKey });
    }),
});
