import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { mutate, query, queryMany } from "./api";

export type Provider = "facebook" | "linkedin" | "twitter" | "meetup";

interface CountryRow {
  country: string;
  enrichmentEnabled: boolean;
}
interface Requirements {
  cnil2016ConfirmationRequired: boolean;
  cnil2016Confirmation: string;
}
export interface Enrichment {
  id: string;
  provider: Provider;
  consentId: string;
  handle: string | null;
  profileUrl: string | null;
}
interface Job {
  state: string;
  progress: { done: number; total: number };
}

export const justification = "Nos adhérents ont demandé à retrouver nos événements locaux (e2e).";

/** Sets a country's switch through the API (an owner or admin session), whatever it was. */
export async function setCountry(admin: APIRequestContext, country: string, enabled: boolean) {
  const rows = await query<CountryRow[]>(admin, "countries.list");
  if (rows.find((r) => r.country === country)?.enrichmentEnabled === enabled) return;
  const req = await query<Requirements>(admin, "countries.switchRequirements");
  await mutate(admin, "countries.setEnrichment", {
    country,
    enabled,
    justification: enabled ? justification : "e2e: back to the default",
    confirmation: enabled && req.cnil2016ConfirmationRequired ? req.cnil2016Confirmation : undefined,
  });
}

/** Allows or disallows one provider through the API (an owner or admin session). */
export async function setProvider(admin: APIRequestContext, provider: Provider, allowed: boolean) {
  await mutate(admin, "countries.setProvider", { provider, allowed });
}

/** Starts an enrichment through the API and waits for the job to end. */
export async function runEnrichment(from: Page | APIRequestContext, provider: Provider) {
  const { jobId } = await mutate<{ jobId: string }>(from, "enrichment.start", { provider });
  await expect
    .poll(async () => (await query<Job>(from, "enrichment.job", { id: jobId })).state, { timeout: 60_000 })
    .toBe("completed");
  return jobId;
}

/**
 * Up to `limit` contacts with a found profile (a handle) of `provider`, with that enrichment row; reads
 * the list 20 contacts at a time (one batched request each: the server's `maxBatchSize`) and stops once it
 * has enough.
 */
export async function enrichedContacts(from: Page | APIRequestContext, provider: Provider, limit = 1) {
  const found: { contactId: string; enrichment: Enrichment }[] = [];
  for (let page = 1; ; page++) {
    const list = await query<{ items: { id: string }[]; total: number }>(from, "contacts.list", {
      page,
      pageSize: 200,
    });
    for (let i = 0; i < list.items.length; i += 20) {
      const ids = list.items.slice(i, i + 20).map((c) => c.id);
      const rows = await queryMany<Enrichment[]>(
        from,
        "enrichment.forContact",
        ids.map((contactId) => ({ contactId })),
      );
      rows.forEach((enrichments, k) => {
        const enrichment = enrichments.find((e) => e.provider === provider && e.handle);
        const contactId = ids[k];
        if (enrichment && contactId) found.push({ contactId, enrichment });
      });
      if (found.length >= limit) return found.slice(0, limit);
    }
    if (page * 200 >= list.total) return found;
  }
}
