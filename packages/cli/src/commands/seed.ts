import { seedDemo } from "@isoloir/demo";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { globalOptions, withDatabase } from "../context";
import { CliError } from "../errors";
import { emit, showsProgress } from "../output";

export function registerSeed(program: Command): void {
  program
    .command("seed")
    .description("seed the demo campaign (does nothing if it exists, unless --force)")
    .option("--contacts <n>", "how many demo contacts", "2000")
    .option("--force", "drop and re-create the demo organisation")
    .addHelpText("after", "\nExample:\n  isoloir seed --contacts 5000 --force")
    .action(async (opts: { contacts: string; force?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const count = Number(opts.contacts);
      if (!Number.isInteger(count) || count < 0 || count > 1_000_000) {
        throw new CliError(`--contacts must be a whole number from 0 to 1000000, got "${opts.contacts}"`);
      }
      await withDatabase(global, "isoloir seed", async (database) => {
        const bar = showsProgress(global)
          ? new SingleBar({ format: "seeding {bar} {value}/{total} contacts | {eta}s left" })
          : undefined;
        bar?.start(count, 0);
        const result = await seedDemo(database.db, database.keys, {
          contacts: count,
          force: opts.force,
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        emit(
          global,
          () =>
            result.created
              ? `Seeded the demo organisation with ${result.contacts} contacts.`
              : `The demo organisation already exists (${result.contacts} contacts); use --force to re-create it.`,
          () => result,
        );
      });
    });
}
