import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  type AnchorFinding,
  type AnchorReport,
  anchorAudit,
  auditChains,
  BadAnchorError,
  type ChainReport,
  verifyAnchors,
  verifyAuditChain,
} from "@isoloir/audit";
import {
  MissingKeyError,
  type OpenDatabase,
  organisations,
  publicKeyOf,
  requireSigningKey,
} from "@isoloir/db";
import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { globalOptions, withDatabase } from "../context";
import { CliError, ExitCode } from "../errors";
import { emit, example } from "../output";
import { readJsonFile } from "./purge/shared";

/** Every audit chain (those of deleted organisations too), or the one of `--org <slug>`. */
async function chainsOf(database: OpenDatabase, slug: string | undefined) {
  if (!slug) return auditChains(database.db);
  const [org] = await database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, slug));
  if (!org) throw new CliError(`no organisation with slug "${slug}"`);
  return auditChains(database.db, org.id);
}

const nameOf = (chain: { orgId: string; slug: string | null }) =>
  chain.slug ?? `${chain.orgId} (deleted organisation)`;

const findingText = (f: AnchorFinding): string => {
  const what: Record<AnchorFinding["reason"], string> = {
    bad_signature: "the anchor's signature does not verify",
    other_key: `the anchor is signed by another key (${f.detail ?? ""})`,
    chain_broken: `the chain is broken (${f.detail ?? ""})`,
    anchored_entry_missing: `the anchored entry is gone (${f.detail ?? ""})`,
    anchored_hash_mismatch: "the anchored entry's hash changed",
  };
  return `✗ ${nameOf(f)}: the log no longer extends its anchor at entry ${f.seq} — ${what[f.reason]}`;
};

function signingKeyOf(database: OpenDatabase): string {
  try {
    return requireSigningKey(database.keys);
  } catch (error) {
    if (error instanceof MissingKeyError) throw new CliError(error.message);
    throw error;
  }
}

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("the append-only, hash-chained audit log");
  audit
    .command("verify")
    .description(
      "walk every audit chain (or one organisation's), report the first broken link, and check the log still extends each anchor given",
    )
    .option("--org <slug>", "verify only this organisation")
    .option("--anchor <file...>", "anchor files written by `isoloir audit anchor`: the log must extend each")
    .addHelpText(
      "after",
      `\nExits 0 when every chain verifies and extends every anchor, 1 on a broken link or an anchor the log no\nlonger extends (naming the organisation and entry), 2 when an anchor file is not one or the database cannot\nbe opened.${example("isoloir audit verify --org demo", "isoloir audit verify --anchor anchors/*.json")}`,
    )
    .action(async (opts: { org?: string; anchor?: string[] }, command: Command) => {
      const global = globalOptions(command);
      const anchors = (opts.anchor ?? []).map((file) => ({ file, value: readJsonFile(file, "anchor") }));
      await withDatabase(global, "isoloir audit verify", async (database) => {
        const chains = await chainsOf(database, opts.org);
        const reports: (ChainReport & { slug: string | null })[] = [];
        for (const chain of chains)
          reports.push({
            slug: chain.slug,
            ...(await verifyAuditChain(database.db, chain.orgId, { hmacKey: database.keys.hmacKey })),
          });
        let anchorReport: AnchorReport | undefined;
        if (anchors.length > 0) {
          const signingKey = database.keys.signingKey;
          anchorReport = await verifyAnchors(
            database.db,
            anchors.map((a) => a.value),
            {
              hmacKey: database.keys.hmacKey,
              installationPublicKey: signingKey ? publicKeyOf(signingKey) : undefined,
              orgIds: opts.org ? chains.map((c) => c.orgId) : undefined,
            },
          ).catch((error: unknown) => {
            if (error instanceof BadAnchorError)
              throw new CliError(`${anchors.map((a) => a.file).join(", ")}: ${error.message}`);
            throw error;
          });
        }
        const broken = reports.filter((r) => r.firstBroken);
        const ok = broken.length === 0 && (anchorReport?.ok ?? true);
        emit(
          global,
          () =>
            [
              ...reports.map((r) =>
                r.firstBroken
                  ? `✗ ${nameOf(r)}: chain broken at entry ${r.firstBroken.seq} (${r.firstBroken.reason})`
                  : `✓ ${nameOf(r)}: ${r.entries} entries verified`,
              ),
              ...(reports.length === 0 ? ["No organisation to verify."] : []),
              ...(anchorReport
                ? [
                    ...anchorReport.findings.map(findingText),
                    `${anchorReport.ok ? "✓" : "✗"} ${anchorReport.heads - anchorReport.findings.length} of ${anchorReport.heads} anchored heads (${anchorReport.anchors} anchor files) still extended by the log`,
                  ]
                : []),
            ].join("\n"),
          () => ({ ok, organisations: reports, ...(anchorReport ? { anchors: anchorReport } : {}) }),
        );
        if (!ok) process.exitCode = ExitCode.findings;
      });
    });

  audit
    .command("anchor")
    .description(
      "print the signed head of every audit chain as JSON, to keep outside the database (for cron)",
    )
    .option("--org <slug>", "anchor only this organisation")
    .option("--out <file>", "write the anchor to this file rather than to stdout")
    .addHelpText(
      "after",
      `\nSigns each organisation's head (id, entry, hash, time) with the installation's Ed25519 key\n(ISOLOIR_SIGNING_KEY, or the embedded keys file). A chain that does not verify is left out and named on\nstderr. Exits 0 when every chain was anchored, 1 when one was left out, 2 when it cannot run. Keep the\nfiles somewhere the database's administrators cannot write, and check them with\n\`isoloir audit verify --anchor <file>…\`.${example(
        "isoloir audit anchor > anchor.json",
        "isoloir audit anchor --out /srv/anchors/isoloir-$(date -u +%Y%m%dT%H%M).json",
      )}`,
    )
    .action(async (opts: { org?: string; out?: string }, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, "isoloir audit anchor", async (database) => {
        const chains = await chainsOf(database, opts.org);
        const { anchor, broken } = await anchorAudit(database.db, {
          signingKey: signingKeyOf(database),
          hmacKey: database.keys.hmacKey,
          orgId: opts.org ? chains[0]?.orgId : undefined,
        });
        for (const r of broken)
          process.stderr.write(
            `✗ ${nameOf(r)}: chain broken at entry ${r.firstBroken?.seq} (${r.firstBroken?.reason}) — not anchored\n`,
          );
        if (opts.out) {
          writeFileSync(resolve(opts.out), `${JSON.stringify(anchor, null, 2)}\n`);
          emit(
            global,
            () => `Anchored ${anchor.body.heads.length} audit chains in ${opts.out}.`,
            () => ({
              ok: broken.length === 0,
              out: resolve(opts.out ?? ""),
              heads: anchor.body.heads,
              broken,
            }),
          );
        } else process.stdout.write(`${JSON.stringify(anchor)}\n`);
        if (broken.length > 0) process.exitCode = ExitCode.findings;
      });
    });
}
