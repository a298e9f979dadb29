import { readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, migrationsFolder } from "./client";
import { contacts, objections, suppressions } from "./schema/index";
import { insertTestOrg, testDatabases } from "./testing";

// Migration 0009 writes a suppression record for every objection already stored. Here it runs again on
// a migrated database seeded with objections that have none (as before the migration), and with one
// record already there to merge into.

const backfill = readFileSync(join(migrationsFolder, "0009_objection_suppressions.sql"), "utf8");
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe.each(testDatabases())("migration 0009 (objection suppressions) on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it("writes a merged record per identifier for every stored objection, and again changes nothing", async () => {
    const org = await insertTestOrg(handle.db);
    const orgId = org.id;
    const person = async (emailHmac: string | null, phoneHmac: string | null) => {
      const [row] = await handle.db
        .insert(contacts)
        .values({ orgId, emailHmac, phoneHmac })
        .returning({ id: contacts.id });
      return row?.id ?? "";
    };
    const object = (contactId: string, scope: "all" | ("email" | "sms")[], at: string) =>
      handle.db.insert(objections).values({
        orgId,
        contactId,
        allChannels: scope === "all",
        channels: scope === "all" ? [] : scope,
        at: day(at),
      });
    const emailOnly = await person("e1", "p1");
    await object(emailOnly, ["email"], "2024-05-01");
    const twoScoped = await person("e2", null);
    await object(twoScoped, ["email"], "2024-05-01");
    await object(twoScoped, ["sms"], "2023-02-01");
    const allWins = await person(null, "p3");
    await object(allWins, ["sms"], "2022-01-01");
    await object(allWins, "all", "2024-01-01");
    const merged = await person("e4", null);
    await object(merged, ["email"], "2024-06-01");
    await handle.db.insert(suppressions).values({
      orgId,
      kind: "email",
      hmac: "e4",
      allChannels: false,
      channels: ["sms"],
      reason: "objection",
      at: day("2025-01-01"),
    });
    await person("e5", null); // no objection: no record
    const unreachable = await person(null, null);
    await object(unreachable, "all", "2024-01-01");

    await handle.db.execute(sql.raw(backfill));
    const records = async () =>
      (
        await handle.db
          .select({
            kind: suppressions.kind,
            hmac: suppressions.hmac,
            all: suppressions.allChannels,
            channels: suppressions.channels,
            at: suppressions.at,
            reason: suppressions.reason,
          })
          .from(suppressions)
          .where(and(eq(suppressions.orgId, orgId)))
      ).sort((a, b) => a.hmac.localeCompare(b.hmac));
    const written = await records();
    expect(written).toEqual([
      {
        kind: "email",
        hmac: "e1",
        all: false,
        channels: ["email"],
        at: day("2024-05-01"),
        reason: "objection",
      },
      {
        kind: "email",
        hmac: "e2",
        all: false,
        channels: ["email", "sms"],
        at: day("2023-02-01"),
        reason: "objection",
      },
      {
        kind: "email",
        hmac: "e4",
        all: false,
        channels: ["email", "sms"],
        at: day("2024-06-01"),
        reason: "objection",
      },
      {
        kind: "phone",
        hmac: "p1",
        all: false,
        channels: ["email"],
        at: day("2024-05-01"),
        reason: "objection",
      },
      { kind: "phone", hmac: "p3", all: true, channels: [], at: day("2022-01-01"), reason: "objection" },
    ]);
    await handle.db.execute(sql.raw(backfill));
    expect(await records()).toEqual(written);
  });
});
