import { actingMember } from "@isoloir/accounts";
import { pseudonym } from "@isoloir/audit";
import {
  ENRICHMENT_QUEUE,
  type EnrichmentJobOutput,
  eligibleContactIds,
  enrichmentEligibility,
  enrichmentHandler,
  enrichmentRuntime,
  networks,
  providerAllowed,
  startEnrichment,
} from "@isoloir/enrichment";
import { openJobQueue } from "@isoloir/jobs";
import { SingleBar } from "cli-progress";
import { type Command, Option } from "commander";
import { asOption, globalOptions, withDatabase } from "../context";
import { CliError, ExitCode } from "../errors";
import { emit, showsProgress } from "../output";
import { parseContactFilter } from "./enrich-filter";

interface EnrichOptions {
  provider: (typeof networks)[number];
  filter?: string;
  as: string;
  org?: string;
  dryRun?: boolean;
}

async function sandboxReachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

export function registerEnrich(program: Command): void {
  program
    .command("enrich")
    .description(
      "look consenting contacts up on one social network, through the gate, as a job with progress",
    )
    .addOption(new Option("--provider <network>", "the network").choices([...networks]).makeOptionMandatory())
    .option(
      "--filter <filter>",
      "narrow the contacts: source=<kind>,country=<CC>,search=<text> (comma-separated)",
    )
    .requiredOption(...asOption("the member running it (owner, admin or staff)"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .option("--dry-run", "only print how many are eligible and why the others are not")
    .addHelpText(
      "after",
      `\nThe sandbox (ISOLOIR_SANDBOX_URL, default http://127.0.0.1:3100) must be running: npm start starts it.\nExits 0 when every eligible contact was looked up, 1 when some lookups failed, 2 when it could not run.\n\nExample:\n  isoloir enrich --provider twitter --filter country=FR --as staff@demo.isoloir.test`,
    )
    .action(async (options: EnrichOptions, command: Command) => {
      const opts = globalOptions(command);
      await withDatabase(opts, "isoloir enrich", async (database) => {
        const member = await actingMember(database.db, options.as, "runEnrichment", options.org).catch(
          (error: Error) => {
            throw new CliError(error.message);
          },
        );
        const filter = parseContactFilter(options.filter);
        const target = { orgId: member.org.id, provider: options.provider, filter };
        const preview = await enrichmentEligibility(database.db, target);
        if (options.dryRun)
          return emit(
            opts,
            () => previewText(preview),
            () => ({ preview }),
          );
        const ids = await eligibleContactIds(database.db, target);
        if (ids.length === 0)
          return emit(
            opts,
            () => `${previewText(preview)}\nNothing to enrich.`,
            () => ({ preview, job: null }),
          );
        const runtime = enrichmentRuntime(database.db, database.keys.hmacKey);
        const sandbox = process.env.ISOLOIR_SANDBOX_URL || "http://127.0.0.1:3100";
        if (
          !process.env[`ISOLOIR_${options.provider.toUpperCase()}_URL`] &&
          !(await sandboxReachable(sandbox))
        ) {
          throw new CliError(
            `the sandbox is not running at ${sandbox}: start it (npm start does) or set ISOLOIR_SANDBOX_URL`,
          );
        }
        const jobs = await openJobQueue({
          db: database.db,
          driver: database.driver,
          connectionString: process.env.DATABASE_URL,
        });
        try {
          const worker = await jobs.work(
            ENRICHMENT_QUEUE,
            { concurrency: 1, pollIntervalMs: 200 },
            enrichmentHandler(runtime),
          );
          const requestedBy = pseudonym(database.keys.hmacKey, member.org.id, "user", member.userId);
          const id = await startEnrichment(database.db, jobs, providerAllowed, {
            ...target,
            contactIds: ids,
            requestedBy,
          }).catch((error: Error) => {
            throw new CliError(error.message);
          });
          const job = await follow(jobs, id, ids.length, showsProgress(opts));
          await worker.stop();
          const output = job.output;
          emit(
            opts,
            () => `${previewText(preview)}\n${resultText(id, job.state, output)}`,
            () => ({ preview, job: { id, state: job.state, output } }),
          );
          if (job.state !== "completed" || (output?.counts.failed ?? 0) > 0)
            process.exitCode = ExitCode.findings;
        } finally {
          await jobs.stop({ graceful: false });
        }
      });
    });
}

async function follow(
  jobs: Awaited<ReturnType<typeof openJobQueue>>,
  id: string,
  total: number,
  bar: boolean,
) {
  const format = "enriching [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}";
  const progress = bar ? new SingleBar({ format, hideCursor: true, etaBuffer: 20 }) : undefined;
  const started = Date.now();
  progress?.start(total, 0, { rate: "0.0" });
  for (;;) {
    const job = await jobs.getJob<unknown, EnrichmentJobOutput>(id);
    const done = job?.progress?.done ?? 0;
    progress?.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
    if (job && ["completed", "failed", "cancelled"].includes(job.state)) {
      progress?.stop();
      return job;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function previewText(p: Awaited<ReturnType<typeof enrichmentEligibility>>): string {
  const lines = [`${p.eligible} of ${p.total} contacts are eligible.`];
  if (p.noLiveConsent > 0) lines.push(`  ${p.noLiveConsent}  no live social_enrichment consent`);
  for (const [rule, n] of Object.entries(p.deniedBy).sort((a, b) => b[1] - a[1]))
    lines.push(`  ${n}  ${rule}`);
  return lines.join("\n");
}

function resultText(id: string, state: string, output: EnrichmentJobOutput | null): string {
  if (!output) return `job ${id}: ${state}`;
  const counts = Object.entries(output.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`);
  return `job ${id}: ${state} — ${counts.join(", ")}`;
}
