import type { APIRequestContext, Page } from "@playwright/test";
import { mutate, query } from "./api";

/** What the demo's legacy batch needs (packages/demo/src/legacy.ts): Match-era lookups, a forbidden source, a past electoral list, objectors. */
export const legacyReasons = [
  "objected_all",
  "match_without_consent",
  "electoral_list_after_election",
  "forbidden_source",
] as const;

export interface PlanView {
  planId: string;
  planHash: string;
  state: string;
  policyVersion: string;
  counts: {
    targets: number;
    people: number;
    byReason: Record<string, { targets: number; wholeContacts: number; singleRows: number }>;
    byRule: Record<string, number>;
    needsHuman: { rows: number; people: number };
  };
  approval: { mayApprove: boolean; blocked: string | null; approvers: { name: string }[] };
}

export const getPlan = (from: Page | APIRequestContext, planId: string) =>
  query<PlanView>(from, "purge.get", { planId });

/** Plans a purge through the API (as whoever `from` is signed in as). */
export const planThroughApi = (from: Page | APIRequestContext, reasons: readonly string[]) =>
  mutate<{ id: string; planHash: string }>(from, "purge.create", { reasons });

/** Where `ISOLOIR_E2E_SCREENSHOTS` points, the journey leaves screenshots of the review and the certificate. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.ISOLOIR_E2E_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
