// `npm run bench -- policy [--json]`: decisions per second of the policy engine on the issue's FR
// email-contact subset, against a hand-written function and Cedar-wasm, plus the full rule set.
// Exits 1 only when the three disagree on a decision; a missed target is reported, not failed.

import { availableParallelism, loadavg } from "node:os";
import { policy, rulesById, semver } from "@isoloir/policies";
import { compilePolicy } from "@isoloir/policy";
import { count, type Ratio, rate, ratio, table, times } from "./lib/report";
import { type Measurement, measure } from "./lib/timing";
import { type Agreement, checkAgreement } from "./policy/agreement";
import { cedarDecide, prepareCedar } from "./policy/cedar";
import { decideEmailContact } from "./policy/hand-written";
import { benchmarkFacts, emailRuleIds } from "./policy/subset";

const SIZE = 100_000;
const CEDAR_SAMPLE = 3_000;
const json = process.argv.includes("--json");
const log = (line: string) => {
  if (!json) console.log(line);
};
const phases: Record<string, number> = {};
function phase<T>(name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  phases[name] = Math.round((performance.now() - start) / 100) / 10;
  return result;
}

/** One pass decides every fact; the checksum (decision lengths) keeps the work alive. */
const passOf =
  <T>(facts: readonly T[], decide: (f: T) => string): (() => number) =>
  () => {
    let sum = 0;
    for (let i = 0; i < facts.length; i++) sum += decide(facts[i] as T).length;
    return sum;
  };

log(`Generating ${count(SIZE)} facts…`);
const { all, email } = phase("generate", () => benchmarkFacts(SIZE));
const subsetRules = rulesById(emailRuleIds);
const missing = emailRuleIds.filter((id) => !subsetRules.some((r) => r.id === id));
if (missing.length > 0) throw new Error(`rules not in the rule set: ${missing.join(", ")}`);
const engine = compilePolicy(subsetRules, { semver });
const full = policy();
prepareCedar();

log("Checking that the engine, the hand-written function and Cedar agree on every fact…");
const agreement = phase("agreement", () =>
  checkAgreement(engine, { handWritten: decideEmailContact, cedar: cedarDecide }, email),
);
if (agreement.disagreeing > 0) {
  console.error(`DISAGREEMENT on ${count(agreement.disagreeing)} of ${count(agreement.facts)} facts:`);
  for (const d of agreement.disagreements) {
    console.error(`  #${d.index}: engine ${d.engine} (${d.rules.join(", ")}) vs ${JSON.stringify(d.others)}`);
    console.error(`    ${JSON.stringify(email[d.index])}`);
  }
  process.exit(1);
}

log("Timing (warm-up, then 7 interleaved runs each)…");
const stride = Math.floor(SIZE / CEDAR_SAMPLE);
const sample = email.filter((_, i) => i % stride === 0).slice(0, CEDAR_SAMPLE);
const measured = phase("timing", () =>
  measure(
    [
      { name: "engine", size: email.length, pass: passOf(email, (f) => engine.evaluate(f).decision) },
      { name: "handWritten", size: email.length, pass: passOf(email, decideEmailContact) },
      { name: "cedar", size: sample.length, pass: passOf(sample, cedarDecide) },
      { name: "fullRuleSet", size: all.length, pass: passOf(all, (f) => full.evaluate(f).decision) },
    ],
    { runs: 7, warmupMs: 1000, minRunMs: 250 },
  ),
);
const by = (name: string): Measurement => {
  const m = measured.find((x) => x.name === name);
  if (!m) throw new Error(`no measurement of ${name}`);
  return m;
};
const ratios = [
  ratio("engine / hand-written", by("engine").median, by("handWritten").median, 0.25),
  ratio("engine / Cedar-wasm", by("engine").median, by("cedar").median, 500),
];

if (json) printJson(agreement, measured, ratios);
else printTable(agreement, by, ratios);

function printJson(agreed: Agreement, measurements: Measurement[], results: Ratio[]): void {
  const { disagreements: _, ...counts } = agreed;
  const perContender = Object.fromEntries(
    measurements.map((m) => [
      m.name,
      { medianPerSecond: Math.round(m.median), runs: m.runs.map(Math.round) },
    ]),
  );
  const head = {
    benchmark: "policy",
    node: process.version,
    ...machine(),
    facts: SIZE,
    cedarSample: sample.length,
  };
  console.log(
    JSON.stringify({ ...head, agreement: counts, measurements: perContender, ratios: results, phases }),
  );
}

function printTable(agreed: Agreement, m: (name: string) => Measurement, results: Ratio[]): void {
  const { verdicts } = agreed;
  log(
    `\nAgreement: engine = hand-written = Cedar on ${count(agreed.agreed)}/${count(agreed.facts)} FR email-contact facts` +
      ` (allow ${count(verdicts.allow)}, deny ${count(verdicts.deny)}, escalate ${count(verdicts.escalate)})`,
  );
  const fired = Object.entries(agreed.rules).sort((a, b) => b[1] - a[1]);
  log(`Reasons given by: ${fired.map(([id, n]) => `${id} ${count(n)}`).join(", ")}\n`);
  const row = (label: string, name: string, facts: string) => [label, rate(m(name).median), facts];
  log(
    table(
      ["contender", "decisions/s (median of 7)", "facts"],
      [
        row("engine, 8-rule email subset", "engine", count(email.length)),
        row("hand-written function (bench/)", "handWritten", count(email.length)),
        row("@cedar-policy/cedar-wasm 4.13.0", "cedar", `${count(sample.length)} sample`),
        row("engine, full rule set, all actions", "fullRuleSet", count(all.length)),
      ],
    ),
  );
  log("");
  log(
    table(
      ["ratio", "value", "target", "result"],
      results.map((r) => [r.name, times(r.value), `≥${times(r.target)}`, r.pass ? "PASS" : "MISS"]),
    ),
  );
  const took = Object.entries(phases).map(([name, s]) => `${name} ${s} s`);
  const { cpus, loadAverage } = machine();
  log(`\n${process.version}, ${cpus} CPUs, load average ${loadAverage} at the end; ${took.join(", ")}`);
}

/** Benchmarks on a shared machine: the load says how much to trust absolute figures. */
function machine(): { cpus: number; loadAverage: number } {
  return { cpus: availableParallelism(), loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10 };
}
