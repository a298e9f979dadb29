import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { AccountError, actingMember, type Capability } from "@isoloir/accounts";
import type { OpenDatabase } from "@isoloir/db";
import {
  type PlanCounts,
  PlanFileRef,
  PurgeError,
  type PurgePlan,
  type ReasonKey,
  reasonKeys,
  reasons,
} from "@isoloir/purge";
import { CliError } from "../../errors";

export interface MemberOptions {
  as: string;
  org?: string;
}

/** The member `--as` names, with the capability the command needs; their purge context. */
export async function purgeMember(database: OpenDatabase, options: MemberOptions, capability: Capability) {
  const member = await actingMember(database.db, options.as, capability, options.org).catch(rethrow);
  return { member, ctx: { orgId: member.org.id, userId: member.userId, hmacKey: database.keys.hmacKey } };
}

/** Domain errors become one-sentence CLI errors (exit 2); anything else is rethrown as is. */
export function rethrow(error: unknown): never {
  if (error instanceof PurgeError || error instanceof AccountError) throw new CliError(error.message);
  throw error;
}

export function parseReasons(value: string): ReasonKey[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.includes("all")) return [...reasonKeys];
  const unknown = items.filter((i) => !(reasonKeys as readonly string[]).includes(i));
  if (unknown.length > 0 || items.length === 0) {
    throw new CliError(
      `--reason: unknown reason ${unknown.join(", ") || "(none)"}; choose from all, ${reasonKeys.join(", ")}`,
    );
  }
  return items as ReasonKey[];
}

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(file), "utf8");
  } catch (error) {
    throw new CliError(`cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON: give the ${what} file as written by isoloir`);
  }
}

export function writeFile(file: string, content: string): string {
  const path = resolve(file);
  try {
    writeFileSync(path, content);
  } catch (error) {
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
  }
  return path;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A plan id, or a plan file written by `purge plan --out` (whose hash must then still match). */
export function planRef(value: string): { planId: string; planHash?: string } {
  if (uuid.test(value)) return { planId: value };
  const doc = PlanFileRef.safeParse(readJsonFile(value, "plan"));
  if (!doc.success) {
    const issue = doc.error.issues[0];
    const field = issue ? ` (${issue.path.join(".") || "the file"}: ${issue.message})` : "";
    throw new CliError(
      `${value} is not a plan file${field}: give a plan id or the file \`isoloir purge plan --out\` wrote`,
    );
  }
  return { planId: doc.data.planId, planHash: doc.data.planHash };
}

const pad = (n: number | string, width = 7) => String(n).padStart(width);

/** The plan as a person reads it: counts per reason and rule id, what needs a human, samples. */
export function planText(plan: PurgePlan): string {
  const c: PlanCounts = plan.counts;
  const lines = [
    `Plan ${plan.id} (${plan.state}${plan.origin === "nightly" ? ", nightly" : ""})`,
    `  hash ${plan.planHash}`,
    `  policy ${plan.policyVersion}, as of ${plan.asOf.toISOString()}, expires ${plan.expiresAt.toISOString()}`,
    `  reasons ${plan.reasons.join(", ")}; granularity ${plan.granularity}${Object.keys(plan.scope).length > 0 ? `; scope ${JSON.stringify(plan.scope)}` : ""}`,
    "",
    `Takes ${c.targets} targets: ${c.wholeContacts} whole contacts and ${c.targets - c.wholeContacts} single rows (${c.rows} provenance rows, ${c.people} people).`,
  ];
  for (const key of reasonKeys) {
    const r = c.byReason[key];
    if (r)
      lines.push(
        `${pad(r.targets)}  ${key.padEnd(30)} ${r.wholeContacts} contacts, ${r.singleRows} rows — ${reasons[key].label}`,
      );
  }
  if (Object.keys(c.byRule).length > 0)
    lines.push("", "Per rule id (a target counts under each rule that takes it):");
  for (const [rule, n] of Object.entries(c.byRule).sort((a, b) => b[1] - a[1]))
    lines.push(`${pad(n)}  ${rule}`);
  if (c.needsHuman.rows > 0) {
    const rules = Object.entries(c.needsHuman.byRule)
      .map(([r, n]) => `${r} ${n}`)
      .join(", ");
    lines.push(
      "",
      `Needs a human, never deleted: ${c.needsHuman.rows} rows of ${c.needsHuman.people} people (${rules}).`,
    );
  }
  const { samples } = plan;
  if (samples.length > 0) lines.push("", "Samples (pseudonyms):");
  for (const reason of [...new Set(samples.map((s) => s.reason))]) {
    const of = samples
      .filter((s) => s.reason === reason)
      .map((s) => `${s.contact}${s.kind === "provenance" ? " (one row)" : ""}`);
    lines.push(`  ${reason}: ${of.join(", ")}`);
  }
  return lines.join("\n");
}
