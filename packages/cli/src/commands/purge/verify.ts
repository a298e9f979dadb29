import { BadCertificateError, publicKeyOf, verifyCertificate } from "@isoloir/purge";
import type { Command } from "commander";
import { globalOptions, withDatabase } from "../../context";
import { CliError, ExitCode } from "../../errors";
import { emit, example } from "../../output";
import { readJsonFile, rethrow } from "./shared";

export function registerVerify(purge: Command): void {
  purge
    .command("verify")
    .description("check a purge certificate: its Ed25519 signature, and that it matches the audit log")
    .argument("<certificate>", "the certificate JSON file")
    .addHelpText(
      "after",
      `\nExits 0 when every check passes, 1 on a bad signature or a certificate that does not match the audit log,\n2 when the file is not a certificate or the database cannot be opened.${example("isoloir purge verify purge-certificate.json")}`,
    )
    .action(async (file: string, _options: unknown, command: Command) => {
      const opts = globalOptions(command);
      const value = readJsonFile(file, "certificate");
      await withDatabase(opts, "isoloir purge verify", async (database) => {
        const signingKey = database.keys.signingKey;
        const report = await verifyCertificate(database.db, value, {
          installationPublicKey: signingKey ? publicKeyOf(signingKey) : undefined,
        }).catch((error: unknown) => {
          if (error instanceof BadCertificateError) throw new CliError(`${file}: ${error.message}`);
          return rethrow(error);
        });
        emit(
          opts,
          () =>
            [
              ...report.checks.map((c) => `${c.ok ? "✓" : "✗"} ${c.name}${c.detail ? ` — ${c.detail}` : ""}`),
              report.ok
                ? `Certificate of plan ${report.planId} verified.`
                : `Certificate of plan ${report.planId} does NOT verify.`,
            ].join("\n"),
          () => report,
        );
        if (!report.ok) process.exitCode = ExitCode.findings;
      });
    });
}
