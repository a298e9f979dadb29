import { resolve } from "node:path";
import { requireSigningKey } from "@isoloir/db";
import {
  type Certificate,
  certificatePage,
  getCertificate,
  getPlan,
  issueCertificate,
  type RunOutcome,
  runPurge,
} from "@isoloir/purge";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { asOption, globalOptions, withDatabase } from "../../context";
import { CliError, ExitCode } from "../../errors";
import { emit, example, showsProgress } from "../../output";
import { type MemberOptions, planRef, purgeMember, rethrow, writeFile } from "./shared";

/** Writes the certificate as JSON and, beside it, the readable page (same name, .html). */
function writeCertificate(file: string, certificate: Certificate): string[] {
  const json = writeFile(file, `${JSON.stringify(certificate, null, 2)}\n`);
  const html = writeFile(resolve(file).replace(/(\.json)?$/, ".html"), certificatePage(certificate));
  return [json, html];
}

function outcomeText(o: RunOutcome, files: string[]): string {
  const { run, plan } = o;
  if (run.state === "stopped")
    return `Stopped plan ${plan.id} after ${run.batches} batches (${run.deleted} deleted): ${run.stopReason}.`;
  if (run.state !== "completed")
    return `Paused plan ${plan.id} after ${run.batches} batches (${run.deleted} deleted); run it again to resume.`;
  const lines = [
    `Purged plan ${plan.id}: ${run.deleted} deleted + ${run.alreadyGone} already gone = ${plan.counts.targets} planned, in ${run.batches} batches.`,
  ];
  if (o.certificate) lines.push(`Certificate signed by ${o.certificate.keyFingerprint}.`);
  if (files.length > 0) lines.push(`Wrote ${files.join(" and ")}.`);
  else lines.push(`Keep the certificate: isoloir purge certificate ${plan.id} --out purge-certificate.json`);
  return lines.join("\n");
}

export function registerRun(purge: Command): void {
  purge
    .command("run")
    .description("run an approved plan in batches (resumable), then sign its certificate")
    .argument("<plan>", "the plan id, or the plan file `purge plan --out` wrote")
    .option("--batch-size <n>", "targets per transaction", "1000")
    .option(
      "--certificate <file>",
      "write the certificate JSON here, and its readable page beside it (.html)",
    )
    .requiredOption(...asOption("the member running it (owner, admin or compliance)"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .addHelpText(
      "after",
      `\nRun it again after a crash: it resumes at the last committed batch. Exits 0 when done, 1 when it stopped\nbecause data that arrived since planning now matches (plan again), 2 when it could not run.${example("isoloir purge run plan.json --as admin@demo.isoloir.test --certificate purge-certificate.json")}`,
    )
    .action(
      async (
        plan: string,
        options: MemberOptions & { batchSize: string; certificate?: string },
        command: Command,
      ) => {
        const opts = globalOptions(command);
        const ref = planRef(plan);
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000)
          throw new CliError(
            `--batch-size must be a whole number from 1 to 50000, got "${options.batchSize}"`,
          );
        await withDatabase(opts, "isoloir purge run", async (database) => {
          const signingKey = (() => {
            try {
              return requireSigningKey(database.keys);
            } catch (error) {
              throw new CliError((error as Error).message);
            }
          })();
          const { ctx } = await purgeMember(database, options, "runPurge");
          const total = (await getPlan(database.db, { orgId: ctx.orgId, planId: ref.planId }).catch(rethrow))
            .counts.targets;
          const bar = showsProgress(opts)
            ? new SingleBar({
                format: "purging [{bar}] {value}/{total} targets | {eta}s left",
                hideCursor: true,
              })
            : undefined;
          bar?.start(total, 0);
          const outcome = await runPurge(
            database.db,
            { ...ctx, signingKey },
            { ...ref, batchSize },
            { onProgress: ({ done }) => bar?.update(done) },
          )
            .catch(rethrow)
            .finally(() => bar?.stop());
          const files =
            outcome.certificate && options.certificate
              ? writeCertificate(options.certificate, outcome.certificate)
              : [];
          emit(
            opts,
            () => outcomeText(outcome, files),
            () => ({
              run: outcome.run,
              plan: { id: outcome.plan.id, state: outcome.plan.state },
              certificate: outcome.certificate ?? null,
            }),
          );
          if (outcome.run.state !== "completed") process.exitCode = ExitCode.findings;
        });
      },
    );
}

export function registerCertificate(purge: Command): void {
  purge
    .command("certificate")
    .description("print or write a completed plan's signed certificate (JSON, and a readable page)")
    .argument("<plan>", "the plan id, or the plan file")
    .option(
      "--out <file>",
      "write the JSON here and the readable page beside it (.html); else print the JSON",
    )
    .requiredOption(...asOption("a member who may read the audit log"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .addHelpText(
      "after",
      example(
        "isoloir purge certificate plan.json --out purge-certificate.json --as compliance@demo.isoloir.test",
      ),
    )
    .action(async (plan: string, options: MemberOptions & { out?: string }, command: Command) => {
      const opts = globalOptions(command);
      const { planId } = planRef(plan);
      await withDatabase(opts, "isoloir purge certificate", async (database) => {
        const { ctx } = await purgeMember(database, options, "readAudit");
        const stored = await getCertificate(database.db, { orgId: ctx.orgId, planId });
        const signingKey = database.keys.signingKey;
        const certificate =
          stored ??
          (signingKey
            ? await issueCertificate(database.db, { ...ctx, signingKey }, { planId }).catch(rethrow)
            : undefined);
        if (!certificate)
          throw new CliError(`plan ${planId} has no certificate yet: it is issued when its run completes`);
        if (!options.out) return void process.stdout.write(`${JSON.stringify(certificate, null, 2)}\n`);
        const files = writeCertificate(options.out, certificate);
        emit(
          opts,
          () => `Wrote ${files.join(" and ")}.`,
          () => ({ files, certificate }),
        );
      });
    });
}
