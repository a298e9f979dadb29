import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { type Decision, describeIssues, parseCase } from "@isoloir/policy";
import { match } from "ts-pattern";

/** One case file of policies/cases, as the rules browser shows it. */
export interface RuleCase {
  name: string;
  /** path relative to policies/cases, with forward slashes */
  file: string;
  /** the expected decision; null for a case that states no expectation */
  decision: Decision | null;
  jurisdiction: string;
  /** the action type, and its channel, provider, data category or processor */
  action: { type: string; detail: string | null };
  /** the rule ids the case's `expect.rules` names */
  rules: string[];
  obligations: string[];
}

// The cases ship beside the rules, in the @isoloir/policies workspace (`cases/<pack>/<RULE-ID>/…`, see
// its README); they are data, read here once per process.
const casesDir = join(dirname(createRequire(import.meta.url).resolve("@isoloir/policies")), "..", "cases");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? walk(join(dir, entry.name))
      : entry.name.endsWith(".json")
        ? [join(dir, entry.name)]
        : [],
  );
}

function readCase(path: string): RuleCase {
  const file = relative(casesDir, path).split(sep).join("/");
  const parsed = parseCase(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.ok) throw new Error(`policies/cases/${file}: ${describeIssues(parsed.issues)}`);
  const { name, jurisdiction, action, expect } = parsed.value;
  const detail = match(action)
    .with({ type: "contact" }, (a) => a.channel)
    .with({ type: "enrich" }, (a) => a.provider)
    .with({ type: "record" }, (a) => a.category)
    .with({ type: "transfer" }, (a) => a.processor)
    .with({ type: "import" }, { type: "retain" }, () => null)
    .exhaustive();
  return {
    name,
    file,
    decision: expect?.decision ?? null,
    jurisdiction,
    action: { type: action.type, detail },
    rules: expect?.rules ?? [],
    obligations: expect?.obligations ?? [],
  };
}

let cache: RuleCase[] | undefined;
/** Every case file, parsed once; a malformed file throws with its path (the policies tests catch it first). */
export function allCases(): RuleCase[] {
  cache ??= walk(casesDir).sort().map(readCase);
  return cache;
}

/** A rule's cases: those whose `expect.rules` names it, and those filed in its folder. */
export function casesOfRule(ruleId: string): (RuleCase & { namesRule: boolean })[] {
  return allCases()
    .filter((c) => c.rules.includes(ruleId) || c.file.split("/").includes(ruleId))
    .map((c) => ({ ...c, namesRule: c.rules.includes(ruleId) }));
}

/** How many cases each rule has, by id. */
export function caseCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of allCases()) {
    const ids = new Set([...c.rules, ...c.file.split("/").slice(0, -1)]);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
