import { sql } from "drizzle-orm";

/**
 * How a new suppression record merges into the one already there for the same identifier (append it to
 * an `INSERT INTO suppressions … ` of `org_id, kind, hmac, all_channels, channels, at, …`): `all` wins
 * over channels, channels are united, the earliest date is kept, the first reason stays. It updates only
 * when that widens the record or makes it earlier, so `RETURNING` counts the records it changed.
 * Migration 0009 spells the same clause out.
 */
export const suppressionMerge = sql.raw(`on conflict (org_id, kind, hmac) do update set
  all_channels = suppressions.all_channels or excluded.all_channels,
  channels = case when suppressions.all_channels or excluded.all_channels then '{}'::channel[]
    else array(select distinct ch from unnest(suppressions.channels || excluded.channels) as ch order by ch) end,
  at = least(suppressions.at, excluded.at)
where (excluded.all_channels and not suppressions.all_channels)
  or (not suppressions.all_channels and not excluded.channels <@ suppressions.channels)
  or excluded.at < suppressions.at`);
