import type { Page } from "@playwright/test";

/** A tRPC query through the page's own cookies (same origin), for picking test data the UI then shows. */
export async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const url = `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}
