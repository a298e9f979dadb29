import { type ChainReport, verifyAuditChain } from "@isoloir/audit";
import { organisations } from "@isoloir/db";
import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { globalOptions, withDatabase } from "../context";
import { CliError, ExitCode } from "../errors";
import { emit } from "../output";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the append-only, hash-chained audit log");
  audit
    .command("verify")
    .description("walk every organisation's audit chain (or one) and report the first broken link")
    .option("--org <slug>", "verify only this organisation")
    .addHelpText("after", "\nExample:\n  isoloir audit verify --org demo")
    .action(async (opts: { org?: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, "isoloir audit verify", async (database) => {
        const orgs = await database.db
          .select({ id: organisations.id, slug: organisations.slug })
          .from(organisations)
          .where(opts.org ? eq(organisations.slug, opts.org) : undefined);
        if (opts.org && orgs.length === 0) throw new CliError(`no organisation with slug "${opts.org}"`);
        const reports: (ChainReport & { slug: string })[] = [];
        for (const org of orgs)
          reports.push({ slug: org.slug, ...(await verifyAuditChain(database.db, org.id)) });
        const broken = reports.filter((r) => r.firstBroken);
        emit(
          global,
          () =>
            reports
              .map((r) =>
                r.firstBroken
                  ? `✗ ${r.slug}: chain broken at entry ${r.firstBroken.seq} (${r.firstBroken.reason})`
                  : `✓ ${r.slug}: ${r.entries} entries verified`,
              )
              .join("\n") || "No organisation to verify.",
          () => ({ ok: broken.length === 0, organisations: reports }),
        );
        if (broken.length > 0) process.exitCode = ExitCode.findings;
      });
    });
}
