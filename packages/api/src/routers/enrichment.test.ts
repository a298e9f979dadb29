import { admitPerson } from "@isoloir/contacts";
import { consents, countrySettings, type DbHandle, enrichments, providerAllowList } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { writeEnrichment } from "@isoloir/enrichment";
import { type JobQueue, openEmbeddedQueue } from "@isoloir/jobs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, orgWithTeam } from "../testing";

type Fixture = Awaited<ReturnType<typeof orgWithTeam>>;
const profile = {
  network: "twitter" as const,
  handle: "@a",
  profileUrl: "https://twitter.example/a",
  photoUrl: null,
  location: null,
  bio: null,
  followers: 3,
};

describe.each(testDatabases())("the enrichment API on $name", (target) => {
  let handle: DbHandle;
  let jobs: JobQueue;
  let home: Fixture;
  let foreign: Fixture;
  let consenting: string;

  beforeAll(async () => {
    handle = await target.open();
    jobs = await openEmbeddedQueue(handle.db);
    [home, foreign] = [await orgWithTeam(handle.db), await orgWithTeam(handle.db)];
    const added = await admitPerson(
      handle.db,
      { orgId: home.org.id, hmacKey: testKeys.hmacKey },
      { firstName: "Chloé", lastName: "Roux", email: `chloe.${home.org.slug}@example.fr`, country: "FR" },
      {
        source: "newsletter_signup",
        collectorKind: "form",
        collectorRef: "form:nl",
        collectedAt: new Date("2026-10-01T10:00:00Z"),
        legalBasis: "consent",
      },
      [
        {
          scope: "social_enrichment",
          mechanism: "unticked_checkbox",
          capturedAt: new Date("2026-10-01T10:00:00Z"),
          evidenceRef: "form:nl#enrich",
        },
      ],
    );
    consenting = added.contactId;
    await handle.db
      .insert(countrySettings)
      .values({ orgId: home.org.id, country: "FR", enrichmentEnabled: true });
  });
  afterAll(async () => {
    await jobs?.stop({ graceful: false });
    await handle?.close();
  });

  const as = (userId: string) => callerFor(handle.db, handle.driver, userId, { jobs });

  it("previews who is eligible and why the others are not", async () => {
    const preview = await (await as(home.members.staff)).enrichment.preview({ provider: "twitter" });
    expect(preview).toMatchObject({ total: 3, eligible: 1 });
    expect(preview.deniedBy["FR-CNIL-SOCIAL-ENRICHMENT"]).toBe(2);
  });

  it("refuses a job for a provider off the allow-list, then queues one once allowed", async () => {
    const staff = await as(home.members.staff);
    await expect(staff.enrichment.start({ provider: "twitter" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await handle.db
      .insert(providerAllowList)
      .values({ orgId: home.org.id, provider: "twitter", allowed: true });
    const started = await staff.enrichment.start({ provider: "twitter" });
    expect(started.contacts).toBe(1);
    const job = await staff.enrichment.job({ id: started.jobId });
    expect(job).toMatchObject({ state: "created", provider: "twitter", progress: { done: 0, total: 1 } });
    // another organisation's member, or a volunteer, cannot read or start it
    await expect(
      (await as(foreign.members.owner)).enrichment.job({ id: started.jobId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      (await as(home.members.volunteer)).enrichment.start({ provider: "twitter" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      (await as(home.members.compliance)).enrichment.job({ id: started.jobId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("withdrawing the consent through the API deletes the enriched data before it returns", async () => {
    await writeEnrichment(
      handle.db,
      { orgId: home.org.id, contactId: consenting, provider: "twitter" },
      profile,
    );
    const staff = await as(home.members.staff);
    expect(await staff.enrichment.forContact({ contactId: consenting })).toHaveLength(1);
    const [consent] = await handle.db.select().from(consents).where(eq(consents.contactId, consenting));
    await expect(
      (await as(foreign.members.owner)).contacts.withdrawConsent({
        contactId: consenting,
        consentId: consent?.id ?? "",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await staff.contacts.withdrawConsent({ contactId: consenting, consentId: consent?.id ?? "" }),
    ).toEqual({ withdrawn: true });
    expect(await staff.enrichment.forContact({ contactId: consenting })).toEqual([]);
    const log = await (await as(home.members.owner)).audit.list({});
    expect(log.items.find((e) => e.action === "consent.withdrawn")?.details).toMatchObject({
      enrichmentDeleted: 1,
    });
    await handle.db.update(consents).set({ withdrawnAt: null }).where(eq(consents.contactId, consenting));
  });

  it("removing the enrichment of another organisation's contact is not found, and audits nothing", async () => {
    await writeEnrichment(
      handle.db,
      { orgId: home.org.id, contactId: consenting, provider: "meetup" },
      { ...profile, network: "meetup" },
    );
    const stranger = await as(foreign.members.owner);
    const before = (await stranger.audit.list({})).total;
    await expect(stranger.enrichment.remove({ contactId: consenting })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await stranger.audit.list({})).total).toBe(before);
    const owner = await as(home.members.owner);
    expect((await owner.enrichment.forContact({ contactId: consenting })).map((e) => e.provider)).toContain(
      "meetup",
    );
    expect(await owner.enrichment.remove({ contactId: consenting, provider: "meetup" })).toEqual({
      removed: 1,
    });
  });

  it("a switch going off hides the data at once and queues its deletion", async () => {
    await writeEnrichment(
      handle.db,
      { orgId: home.org.id, contactId: consenting, provider: "linkedin" },
      { ...profile, network: "linkedin" },
    );
    const owner = await as(home.members.owner);
    expect((await owner.enrichment.forContact({ contactId: consenting })).length).toBeGreaterThan(0);
    await owner.countries.setEnrichment({ country: "FR", enabled: false });
    expect(await owner.enrichment.forContact({ contactId: consenting })).toEqual([]);
    const queued = await jobs.listJobs("enrichment-switch-off", { limit: 5 });
    expect(queued.map((j) => (j.data as { orgId: string }).orgId)).toContain(home.org.id);
    const stored = await handle.db
      .select()
      .from(enrichments)
      .where(and(eq(enrichments.orgId, home.org.id), eq(enrichments.contactId, consenting)));
    expect(stored.length).toBeGreaterThan(0); // deleted by the background job, not by the request
  });
});
