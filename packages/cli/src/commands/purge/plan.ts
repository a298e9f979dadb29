import { sourceKinds } from "@isoloir/db";
import {
  approvePlan,
  getPlan,
  listPlans,
  type PlanInput,
  planDocument,
  planPurge,
  reasonKeys,
} from "@isoloir/purge";
import { type Command, Option } from "commander";
import { asOption, globalOptions, withDatabase } from "../../context";
import { CliError } from "../../errors";
import { emit, example } from "../../output";
import {
  type MemberOptions,
  parseReasons,
  planRef,
  planText,
  purgeMember,
  rethrow,
  writeFile,
} from "./shared";

interface PlanOptions extends MemberOptions {
  reason: string;
  source?: string;
  import?: string;
  from?: string;
  to?: string;
  provider?: string;
  granularity: "auto" | "derived";
  expiresIn: string;
  out?: string;
}

function planInput(o: PlanOptions): PlanInput {
  const sources = o.source
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = sources?.filter((s) => !(sourceKinds as readonly string[]).includes(s)) ?? [];
  if (bad.length > 0) throw new CliError(`--source: unknown source kind ${bad.join(", ")}`);
  const expiresInDays = Number(o.expiresIn);
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > 30)
    throw new CliError(`--expires-in must be a whole number of days from 1 to 30, got "${o.expiresIn}"`);
  const scope = { importId: o.import, sources, from: o.from, to: o.to, provider: o.provider };
  const given = Object.fromEntries(
    Object.entries(scope).filter(([, v]) => v !== undefined),
  ) as PlanInput["scope"];
  return { reasons: parseReasons(o.reason), scope: given, granularity: o.granularity, expiresInDays };
}

export function registerPlan(purge: Command): void {
  purge
    .command("plan")
    .description(
      "freeze what the engine says must go, with exact counts, samples and a hash; deletes nothing",
    )
    .requiredOption("--reason <reasons>", `comma-separated: all, ${reasonKeys.join(", ")}`)
    .option("--source <kinds>", "narrow to these source kinds (comma-separated)")
    .option(
      "--import <id>",
      "narrow to one import batch (its collector reference, e.g. import:legacy-2020-registre-canicule)",
    )
    .option("--from <date>", "narrow to data collected from this day (YYYY-MM-DD, UTC) or instant")
    .option("--to <date>", "… up to this day, included")
    .option("--provider <name>", "narrow to data a provider brought (e.g. facebook)")
    .addOption(
      new Option(
        "--granularity <g>",
        "auto: a contact goes whole when all its rows must go, else only those rows; derived: only enrichment-derived data",
      )
        .choices(["auto", "derived"])
        .default("auto"),
    )
    .option("--expires-in <days>", "days before an unapproved or unrun plan expires", "7")
    .requiredOption(...asOption("the member planning (owner, admin or compliance)"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .option("--out <file>", "also write the plan (no personal data) to this JSON file")
    .addHelpText(
      "after",
      `\nScopes only narrow the reasons; they are never reasons. Exits 0 once the plan is written.${example("isoloir purge plan --reason all --as compliance@demo.isoloir.test --out plan.json", "isoloir purge plan --reason forbidden_source --import import:legacy-2020-registre-canicule --as admin@demo.isoloir.test")}`,
    )
    .action(async (options: PlanOptions, command: Command) => {
      const opts = globalOptions(command);
      const input = planInput(options);
      await withDatabase(opts, "isoloir purge plan", async (database) => {
        const { ctx } = await purgeMember(database, options, "planPurge");
        const plan = await planPurge(database.db, ctx, input).catch(rethrow);
        const written = options.out
          ? writeFile(options.out, `${JSON.stringify(planDocument(plan), null, 2)}\n`)
          : undefined;
        const next = `Next: a compliance member other than the planner (while four-eyes is on) reviews and approves it:\n  isoloir purge approve ${options.out ?? plan.id} --as <email>`;
        emit(
          opts,
          () => [planText(plan), written ? `\nWrote ${written}.` : "", `\n${next}`].join(""),
          () => planDocument(plan),
        );
      });
    });
}

export function registerApprove(purge: Command): void {
  purge
    .command("approve")
    .description("approve a plan (a compliance member; with four-eyes on, not its planner)")
    .argument("<plan>", "the plan id, or the plan file `purge plan --out` wrote (its hash must still match)")
    .option("--hash <hash>", "refuse unless the plan still has this hash (the one you reviewed)")
    .requiredOption(...asOption("the approving compliance member"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .addHelpText("after", example("isoloir purge approve plan.json --as compliance@demo.isoloir.test"))
    .action(async (value: string, options: MemberOptions & { hash?: string }, command: Command) => {
      const opts = globalOptions(command);
      const ref = planRef(value);
      await withDatabase(opts, "isoloir purge approve", async (database) => {
        const { ctx } = await purgeMember(database, options, "approvePurge");
        const plan = await approvePlan(database.db, ctx, {
          planId: ref.planId,
          planHash: options.hash ?? ref.planHash,
        }).catch(rethrow);
        emit(
          opts,
          () =>
            `Approved plan ${plan.id} (${plan.counts.targets} targets).\nNext: isoloir purge run ${value} --as <email>`,
          () => planDocument(plan),
        );
      });
    });
}

export function registerShow(purge: Command): void {
  purge
    .command("show")
    .description("a plan's counts, state and samples")
    .argument("<plan>", "the plan id, or the plan file")
    .requiredOption(...asOption("a member who may read the audit log"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .action(async (value: string, options: MemberOptions, command: Command) => {
      const opts = globalOptions(command);
      const { planId } = planRef(value);
      await withDatabase(opts, "isoloir purge show", async (database) => {
        const { ctx } = await purgeMember(database, options, "readAudit");
        const plan = await getPlan(database.db, { orgId: ctx.orgId, planId }).catch(rethrow);
        emit(
          opts,
          () => planText(plan),
          () => planDocument(plan),
        );
      });
    });
  purge
    .command("list")
    .description("the organisation's purge plans, newest first")
    .requiredOption(...asOption("a member who may read the audit log"))
    .option("--org <slug>", "the organisation, when the member belongs to several")
    .action(async (options: MemberOptions, command: Command) => {
      const opts = globalOptions(command);
      await withDatabase(opts, "isoloir purge list", async (database) => {
        const { ctx } = await purgeMember(database, options, "readAudit");
        const plans = await listPlans(database.db, { orgId: ctx.orgId });
        const line = (p: (typeof plans)[number]) =>
          `${p.id}  ${p.state.padEnd(9)} ${String(p.counts.targets ?? 0).padStart(7)} targets  ${p.plannedAt.toISOString()}  ${p.reasons.join(",")}`;
        emit(
          opts,
          () => plans.map(line).join("\n") || "No purge plan yet.",
          () => ({ plans: plans.map(planDocument) }),
        );
      });
    });
}
