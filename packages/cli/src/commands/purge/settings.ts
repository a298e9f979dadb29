import { planNightlyRetention, retentionReasons, setFourEyes, setNightlyRetention } from "@isoloir/purge";
import type { Command } from "commander";
import { asOption, globalOptions, withDatabase } from "../../context";
import { CliError } from "../../errors";
import { emit, example } from "../../output";
import { type MemberOptions, purgeMember, rethrow } from "./shared";

function onOff(value: string, option: string): boolean {
  if (value === "on" || value === "off") return value === "on";
  throw new CliError(`${option} takes on or off, got "${value}"`);
}

export function registerSettings(purge: Command): void {
  registerFourEyes(purge);
  registerSchedule(purge);
  registerNightly(purge);
}

function registerFourEyes(purge: Command): void {
  purge
    .command("four-eyes")
    .description("four-eyes approval of purge plans: on by default; only an owner may turn it off (audited)")
    .argument("<on|off>", "on or off")
    .requiredOption(...asOption("an owner (off), or an owner or admin (on)"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .addHelpText("after", example("isoloir purge four-eyes off --as owner@demo.isoloir.test"))
    .action(async (value: string, options: MemberOptions, command: Command) => {
      const opts = globalOptions(command);
      const on = onOff(value, "four-eyes");
      await withDatabase(opts, "isoloir purge four-eyes", async (database) => {
        const { ctx } = await purgeMember(database, options, on ? "manageOrgSettings" : "turnOffFourEyes");
        await setFourEyes(database.db, ctx, { on }).catch(rethrow);
        emit(
          opts,
          () =>
            `Four-eyes approval is ${on ? "on" : "off: a compliance member may now approve their own plans"}.`,
          () => ({ fourEyes: on }),
        );
      });
    });
}

function registerSchedule(purge: Command): void {
  purge
    .command("schedule")
    .description("opt in or out of a nightly plan for the retention reasons, which waits for approval")
    .requiredOption("--nightly <on|off>", "on or off")
    .requiredOption(...asOption("a member who may plan purges"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .addHelpText(
      "after",
      `\nThe nightly plan covers ${retentionReasons.join(", ")}. Run \`isoloir purge nightly\` from cron (or a\nsystemd timer) once a night; nothing is deleted until a compliance member approves a plan and someone runs it.${example("isoloir purge schedule --nightly on --as compliance@demo.isoloir.test")}`,
    )
    .action(async (options: MemberOptions & { nightly: string }, command: Command) => {
      const opts = globalOptions(command);
      const on = onOff(options.nightly, "--nightly");
      await withDatabase(opts, "isoloir purge schedule", async (database) => {
        const { ctx } = await purgeMember(database, options, "planPurge");
        await setNightlyRetention(database.db, ctx, { on }).catch(rethrow);
        emit(
          opts,
          () => `Nightly retention plans are ${on ? "on" : "off"}.`,
          () => ({ nightlyRetention: on }),
        );
      });
    });
}

function registerNightly(purge: Command): void {
  purge
    .command("nightly")
    .description("plan the retention reasons now for every organisation that opted in (for cron)")
    .addHelpText("after", example("isoloir purge nightly"))
    .action(async (_options: unknown, command: Command) => {
      const opts = globalOptions(command);
      await withDatabase(opts, "isoloir purge nightly", async (database) => {
        const results = await planNightlyRetention(database.db, { hmacKey: database.keys.hmacKey }).catch(
          rethrow,
        );
        const line = (r: (typeof results)[number]) =>
          (r.plan
            ? `${r.orgId}: plan ${r.plan.id}, ${r.plan.counts.targets} targets, waiting for approval`
            : `${r.orgId}: nothing due`) + (r.expired ? ` (${r.expired} older nightly plan expired)` : "");
        emit(
          opts,
          () => results.map(line).join("\n") || "No organisation opted in.",
          () => ({
            results: results.map((r) => ({
              orgId: r.orgId,
              planId: r.plan?.id ?? null,
              targets: r.plan?.counts.targets ?? 0,
              expired: r.expired,
            })),
          }),
        );
      });
    });
}
