import { verifyAuditChain } from "@isoloir/audit";
import { countrySettings, type DbHandle } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerAllowListOf, setProviderAllowed } from "./allow-list";
import { cnil2016Confirmation, setEnrichmentSwitch, switchHistory } from "./switches";

const justification = "Les adhérents allemands ont demandé un rapprochement avec leurs profils publics.";

describe.each(testDatabases())("enrichment switches on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function actorFor(kind: "party" | "company" = "party", country = "FR") {
    const org = await insertTestOrg(handle.db, { kind, country });
    return {
      orgId: org.id,
      org: { kind, country },
      userId: "00000000-0000-4000-8000-000000000001",
      pseudonym: "user:test",
    };
  }

  it("starts off for every country", async () => {
    const actor = await actorFor();
    expect(
      await handle.db.select().from(countrySettings).where(eq(countrySettings.orgId, actor.orgId)),
    ).toEqual([]);
    expect((await providerAllowListOf(handle.db, actor.orgId)).every((p) => !p.allowed)).toBe(true);
  });

  it("refuses to switch on without a written justification", async () => {
    const actor = await actorFor("company");
    await expect(
      setEnrichmentSwitch(handle.db, actor, { country: "DE", enabled: true, justification: "ok" }),
    ).rejects.toThrow(/^justification:/);
  });

  it("makes a French political organisation confirm the CNIL's 2016 position word for word", async () => {
    const actor = await actorFor("party", "FR");
    await expect(
      setEnrichmentSwitch(handle.db, actor, { country: "DE", enabled: true, justification }),
    ).rejects.toMatchObject({
      code: "cnil_confirmation_required",
    });
    await setEnrichmentSwitch(handle.db, actor, {
      country: "DE",
      enabled: true,
      justification,
      confirmation: cnil2016Confirmation,
    });
    const [row] = await handle.db
      .select()
      .from(countrySettings)
      .where(and(eq(countrySettings.orgId, actor.orgId), eq(countrySettings.country, "DE")));
    expect(row?.enrichmentEnabled).toBe(true);
  });

  it("does not ask a company for the political confirmation", async () => {
    const actor = await actorFor("company", "FR");
    await expect(
      setEnrichmentSwitch(handle.db, actor, { country: "FR", enabled: true, justification }),
    ).resolves.toBeDefined();
  });

  it("keeps the history and audits every change", async () => {
    const actor = await actorFor("company", "DE");
    await setEnrichmentSwitch(handle.db, actor, { country: "uk", enabled: true, justification });
    await setEnrichmentSwitch(handle.db, actor, { country: "GB", enabled: false });
    const history = await switchHistory(handle.db, actor.orgId, "GB");
    expect(history.map((h) => h.enrichmentEnabled)).toEqual([false, true]);
    await setProviderAllowed(handle.db, actor, { provider: "twitter", allowed: true });
    expect(
      (await providerAllowListOf(handle.db, actor.orgId)).find((p) => p.provider === "twitter")?.allowed,
    ).toBe(true);
    const chain = await verifyAuditChain(handle.db, actor.orgId);
    expect(chain).toMatchObject({ entries: 3 });
    expect(chain.firstBroken).toBeUndefined();
  });
});
