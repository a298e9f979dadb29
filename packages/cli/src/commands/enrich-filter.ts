import { sql, type SQL } from "drizzle-orm";
import { CliError } from "../errors";

const keys = ["source", "country", "search"] as const;

/** `source=<kind>,country=<CC>,search=<text>` → a condition over the contact (c) and its rows; it only narrows. */
export function parseContactFilter(text: string | undefined): SQL | undefined {
  if (!text) return undefined;
  const parts: SQL[] = [];
  for (const pair of text.split(",")) {
    const [key, ...rest] = pair.split("=");
    const value = rest.join("=").trim();
    if (!keys.includes(key?.trim() as (typeof keys)[number]) || !value) {
      throw new CliError(`--filter: "${pair}" is not one of ${keys.map((k) => `${k}=…`).join(", ")}`);
    }
    if (key?.trim() === "source") {
      parts.push(sql`exists (select 1 from provenance f where f.org_id = c.org_id and f.contact_id = c.id and f.source::text = ${value})`);
    } else if (key?.trim() === "country") {
      parts.push(sql`upper(c.country) = upper(${value})`);
    } else {
      const like = `%${value.replace(/[%_\\]/g, "\\$&")}%`;
      parts.push(sql`(c.email ilike ${like} or c.last_name ilike ${like} or c.first_name ilike ${like})`);
    }
  }
  return sql.join(parts, sql` and `);
}
