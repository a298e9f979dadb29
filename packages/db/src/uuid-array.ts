import { type SQL, sql } from "drizzle-orm";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A uuid[] parameter, for `= any(…)`: one bound value however many ids, so a statement's text does not
 * vary with their number. Anything that is not a uuid is refused before it reaches SQL.
 */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!uuidPattern.test(id)) throw new Error(`not a uuid: ${JSON.stringify(id)}`);
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
