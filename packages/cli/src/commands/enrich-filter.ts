import { ContactFilter, contactFilterSql } from "@isoloir/enrichment";
import type { SQL } from "drizzle-orm";
import { CliError } from "../errors";

const keys = ["source", "country", "search"] as const;

/** `source=<kind>,country=<CC>,search=<text>` → a condition over the contact; it only narrows. */
export function parseContactFilter(text: string | undefined): SQL | undefined {
  if (!text) return undefined;
  const fields: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [key, ...rest] = pair.split("=");
    const name = key?.trim() ?? "";
    const value = rest.join("=").trim();
    if (!keys.includes(name as (typeof keys)[number]) || !value) {
      throw new CliError(`--filter: "${pair}" is not one of ${keys.map((k) => `${k}=…`).join(", ")}`);
    }
    fields[name] = value;
  }
  const parsed = ContactFilter.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`--filter: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return contactFilterSql(parsed.data);
}
