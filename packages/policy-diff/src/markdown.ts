import type { RuleAdded, RuleChanged, RuleRemoved } from "@isoloir/policy";
import type { CaseFlip, PolicyDiffReport, SideInfo, UnreadableCase } from "./compare";
import { lineDiff } from "./line-diff";
import type { PopulationFlips } from "./population";
import { verdictText } from "./verdict";

// report → markdown, for a terminal and for a pull-request comment. Pure.

const number = (n: number): string => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`): string => `${number(n)} ${n === 1 ? one : many}`;
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

/** A fenced block whose fence is longer than any backtick run inside. */
function fenced(info: string, body: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}

const versionText = (side: SideInfo): string =>
  side.policySetVersion ? code(side.policySetVersion) : "no rule set";

function sideLine(name: string, side: SideInfo): string {
  const where = side.commit ? `${code(side.label)} at ${code(side.commit.slice(0, 12))}` : side.label;
  const what = side.policySetVersion ? plural(side.rules, "rule") : "no policies/ folder: an empty rule set";
  return `- **${name}**: ${where} — ${versionText(side)}, ${what}`;
}

function summaryLine(report: PolicyDiffReport): string {
  const { cases, population } = report;
  const evaluated = population.size - population.invalid;
  if (report.flips === 0) {
    return `**No verdict flips**: none of the ${plural(cases.evaluated, "case")} nor of the ${plural(evaluated, "generated contact")} changes its verdict.`;
  }
  return `**Verdicts flip**: ${number(cases.flipped.length)} of ${plural(cases.evaluated, "case")} and ${number(population.flipped)} of ${plural(evaluated, "generated contact")} change their verdict.`;
}

function changedRule(rule: RuleChanged): string {
  const diff = lineDiff(rule.before, rule.after)
    .map((l) => `${l.op}${l.text}`)
    .join("\n");
  return [
    `#### Changed: ${code(rule.id)} — ${rule.title}`,
    `Fields changed: ${rule.fields.map(code).join(", ")}. In plain language (\`-\` before, \`+\` after):`,
    fenced("diff", diff),
  ].join("\n\n");
}

const oneSided = (kind: "Added" | "Removed", rule: RuleAdded | RuleRemoved, text: string): string =>
  [
    `#### ${kind}: ${code(rule.id)} — ${rule.title}`,
    `<details><summary>${kind === "Added" ? "What it does" : "What it did"}, in plain language</summary>`,
    fenced("text", text),
    "</details>",
  ].join("\n\n");

function rulesSection(report: PolicyDiffReport): string[] {
  const { added, removed, changed, unchanged } = report.rules;
  const head = `### Rules: ${number(added.length)} added, ${number(removed.length)} removed, ${number(changed.length)} changed, ${number(unchanged)} unchanged`;
  return [
    head,
    ...changed.map(changedRule),
    ...added.map((r) => oneSided("Added", r, r.after)),
    ...removed.map((r) => oneSided("Removed", r, r.before)),
  ];
}

const caseRow = (f: CaseFlip): string =>
  `| ${cell(f.name)} | ${code(f.file)}${f.in === "both" ? "" : ` (${f.in} only)`} | ${cell(verdictText(f.before))} | ${cell(verdictText(f.after))} |`;

const unreadableLine = (u: UnreadableCase): string => `- ${code(u.file)} (${u.in}): ${u.message}`;

function casesSection(report: PolicyDiffReport): string[] {
  const { evaluated, flipped, unreadable } = report.cases;
  const out = [`### Cases: ${number(flipped.length)} of ${plural(evaluated, "case")} flip`];
  if (flipped.length > 0) {
    out.push(
      ["| case | file | before | after |", "| --- | --- | --- | --- |", ...flipped.map(caseRow)].join("\n"),
    );
  }
  if (unreadable.length > 0) {
    out.push(
      `${plural(unreadable.length, "case file")} could not be read by this engine:\n\n${unreadable.map(unreadableLine).join("\n")}`,
    );
  }
  return out;
}

function populationTable(population: PopulationFlips): string {
  const rows = population.groups.map((g) => {
    const how = g.transitions.map((t) => `${t.change}: ${number(t.count)}`).join("; ");
    return `| ${g.action} | ${g.channel ?? "—"} | ${number(g.contacts)} | ${number(g.flipped)} | ${how || "—"} |`;
  });
  const total = `| **total** | | ${number(population.size - population.invalid)} | **${number(population.flipped)}** | |`;
  return [
    "| action | channel | contacts | flipped | how |",
    "| --- | --- | ---: | ---: | --- |",
    ...rows,
    total,
  ].join("\n");
}

function populationSection(population: PopulationFlips): string[] {
  const title = `### Generated population: ${number(population.flipped)} of ${plural(population.size - population.invalid, "contact")} flip`;
  if (population.size === 0) return [title, "No population was generated (`--population 0`)."];
  const out = [
    title,
    `Generated facts covering every action, channel and message kind (size ${number(population.size)}, seed ${population.seed}).`,
    populationTable(population),
  ];
  if (population.invalid > 0) {
    out.push(`${plural(population.invalid, "generated fact")} not accepted by this engine were left out.`);
  }
  return out;
}

/** The report as markdown: title with both versions, rules, flipped cases, population table. */
export function renderMarkdown(report: PolicyDiffReport): string {
  return [
    `## Policy diff: ${versionText(report.base)} → ${versionText(report.head)}`,
    [sideLine("base", report.base), sideLine("head", report.head)].join("\n"),
    summaryLine(report),
    ...rulesSection(report),
    ...casesSection(report),
    ...populationSection(report.population),
    "<sub>A verdict is the decision and the ids of the rules it cites. Each rule set is exported by its own ref's engine; both are compiled and evaluated by the head engine. A case file present on both sides is read in its head version.</sub>",
  ].join("\n\n");
}
