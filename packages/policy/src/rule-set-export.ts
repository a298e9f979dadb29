import { z } from "zod";
import type { Rule } from "./rule";
import { EXPORT_FORMAT } from "./version";
import {
  actionTypes,
  consentScopes,
  contactClasses,
  mechanisms,
  obligations,
  packs,
  sources,
} from "./vocabulary";

// The shape of `isoloir policy export` (format isoloir-policy-set/1): the one parser of an export,
// for an uploaded file (the API) and for another ref's export (policy diff) before it reaches the
// engine. Unknown fields are errors, as everywhere in the policy formats. Limits keep one input
// small: 3 MB of JSON, 2,000 rules, JSON nested 100 levels deep at most.

/** A rule set as exported: canonical JSON of this object is what `isoloir policy export` prints. */
export interface RuleSetExport {
  format: typeof EXPORT_FORMAT;
  semver: string;
  contentHash: string;
  policySetVersion: string;
  rules: Rule[];
}

export const maxExportChars = 3_000_000;
export const maxRules = 2_000;
export const maxJsonDepth = 100;

const text = (max: number) => z.string().max(max);
const fact = z
  .string()
  .max(80)
  .regex(/^[A-Za-z][A-Za-z0-9.]*$/, "a fact path such as contact.source");
const cmpOp = z.enum(["<", "<=", ">", ">="]);
const scalar = z.union([text(200), z.number(), z.boolean()]);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a YYYY-MM-DD day");
const clock = z.string().regex(/^\d{2}:\d{2}$/, "an HH:MM time");

const DayExpr: z.ZodType<unknown> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("dayOf"), fact }),
    z.strictObject({ kind: z.literal("round"), index: z.union([z.int(), z.enum(["first", "last"])]) }),
    z.strictObject({ kind: z.literal("proclaimed") }),
    z.strictObject({ kind: z.literal("date"), value: day }),
    z.strictObject({
      kind: z.literal("shift"),
      day: DayExpr,
      days: z.int().optional(),
      daysFact: z.literal("election.litigationWindowDays").optional(),
      months: z.int().optional(),
      monthStart: z.boolean().optional(),
    }),
  ]),
);

const InstantExpr = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("at") }),
  z.strictObject({ kind: z.literal("instant"), fact }),
  z.strictObject({ kind: z.literal("dayStart"), day: DayExpr, time: clock.optional() }),
  z.strictObject({ kind: z.literal("dayEnd"), day: DayExpr }),
]);

const RoundOffset = z.strictObject({ days: z.int(), time: clock });

const PredicateNode: z.ZodType<unknown> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("and"), nodes: z.array(PredicateNode).max(200) }),
    z.strictObject({ kind: z.literal("or"), nodes: z.array(PredicateNode).max(200) }),
    z.strictObject({ kind: z.literal("not"), node: PredicateNode }),
    z.strictObject({ kind: z.literal("const"), value: z.boolean() }),
    z.strictObject({ kind: z.literal("eq"), fact, value: scalar }),
    z.strictObject({ kind: z.literal("in"), fact, values: z.array(scalar).max(200) }),
    z.strictObject({ kind: z.literal("has"), fact, values: z.array(text(200)).max(200) }),
    z.strictObject({ kind: z.literal("cmp"), fact, op: cmpOp, value: z.number() }),
    z.strictObject({ kind: z.literal("exists"), fact }),
    z.strictObject({ kind: z.literal("time"), left: InstantExpr, op: cmpOp, right: InstantExpr }),
    z.strictObject({ kind: z.literal("roundWindow"), from: RoundOffset, to: RoundOffset }),
    z.strictObject({
      kind: z.literal("consent"),
      scope: z.enum([...consentScopes, "action"]),
      state: z.enum(["valid", "recorded"]),
      mechanisms: z.array(z.enum(mechanisms)).max(20).optional(),
    }),
    z.strictObject({ kind: z.literal("objection"), covers: z.enum(["action-channel", "all"]) }),
    z.strictObject({ kind: z.literal("enrichmentSwitch") }),
  ]),
);

const Clause = z.strictObject({
  when: PredicateNode,
  reason: text(2_000),
  obligations: z.array(z.enum(obligations)).max(20).optional(),
});

const Citation = z.strictObject({
  ref: text(20).optional(),
  text: text(1_000),
  article: text(300).optional(),
  date: text(40).optional(),
  url: text(2_000).optional(),
});

export const ExportedRule = z.strictObject({
  id: z
    .string()
    .max(120)
    .regex(/^(FR|EU|UK|DE|LU|US|ORG)-[A-Z0-9-]+$/, "a catalogue id such as FR-CNIL-EMAIL-OPTIN"),
  title: text(500),
  summary: text(2_000),
  pack: z.enum(packs),
  actions: z.array(z.enum(actionTypes)).min(1).max(20),
  effect: z.enum(["deny", "allow-with-obligations", "escalate", "classification"]),
  deny: z.array(Clause).max(50),
  escalate: z.array(Clause).max(50),
  allow: z.array(Clause).max(50),
  classification: z.partialRecord(z.enum(contactClasses), z.array(z.enum(sources)).max(100)).optional(),
  citations: z.array(Citation).max(50),
  basis: z.array(z.enum(["P", "R", "S", "K"])).max(4),
  force: z.array(z.enum(["LAW", "CASE", "CNIL-RECO", "DERIVED", "PLATFORM"])).max(5),
  validFrom: day.optional(),
  validUntil: day.optional(),
  severity: z.strictObject({ level: z.enum(["critical", "high", "medium", "low"]), sanction: text(1_000) }),
});

// The schema names exactly the engine's rule fields: a field added to or dropped from `Rule` fails tsc.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
type Assert<T extends true> = T;
export type ExportedRuleMatchesEngine = Assert<SameKeys<z.infer<typeof ExportedRule>, Rule>>;

/** Whether JSON nests deeper than `limit` (iterative, so a hostile input cannot overflow the stack). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

const Envelope = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    semver: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "a semantic version such as 1.2.0"),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 hex digest"),
    policySetVersion: text(100),
    rules: z.array(ExportedRule).max(maxRules),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.rules.forEach((rule, index) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: "custom", path: ["rules", index, "id"], message: `${rule.id} appears twice` });
      seen.add(rule.id);
    });
  });

/** An exported rule set, as `isoloir policy export` prints it; too large or too deep inputs are refused. */
export const RuleSetExport: z.ZodType<RuleSetExport, unknown> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (nestsDeeperThan(value, maxJsonDepth)) {
      ctx.addIssue({ code: "custom", message: `an export may nest at most ${maxJsonDepth} levels deep` });
      return;
    }
    const size = JSON.stringify(value ?? null).length;
    if (size > maxExportChars)
      ctx.addIssue({
        code: "custom",
        message: `an export may hold at most ${maxExportChars} characters of JSON (got ${size})`,
      });
  })
  .pipe(Envelope)
  // the one cast left: fact paths are checked for their syntax only, not against this engine's facts
  // (another version's export may name facts it lacks; explanations then show the path)
  .transform((value) => value as RuleSetExport);
