import type { z } from "zod";
import { EngineFacts, Facts, PolicyCase } from "./facts";

/** One problem in an input, with the path of the field it is about (e.g. `contact.consents[0].scope`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: "unknown field" }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: issuesOf(result.error) };
}

export const parseCase = (input: unknown): Parsed<PolicyCase> => parseWith(PolicyCase, input);
export const parseFacts = (input: unknown): Parsed<Facts> => parseWith(Facts, input);
export const parseEngineFacts = (input: unknown): Parsed<EngineFacts> => parseWith(EngineFacts, input);

/** One line per issue: `contact.consents[0].scope: Invalid option …`. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("; ");
}
