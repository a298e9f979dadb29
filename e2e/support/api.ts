import { type APIRequestContext, type Page, request } from "@playwright/test";
import { demoPassword } from "./auth";

type Requester = Pick<APIRequestContext, "get" | "post">;
const requester = (from: Page | APIRequestContext): Requester => ("request" in from ? from.request : from);

async function unwrap<T>(path: string, response: Awaited<ReturnType<Requester["get"]>>): Promise<T> {
  if (!response.ok()) throw new Error(`${path}: HTTP ${response.status()} ${await response.text()}`);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

/** A tRPC query through the page's own cookies (same origin), for picking test data the UI then shows. */
export async function query<T>(from: Page | APIRequestContext, path: string, input?: unknown): Promise<T> {
  const url = `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;
  return unwrap<T>(path, await requester(from).get(url));
}

/** Several calls of one query in one batched request, answers in order. */
export async function queryMany<T>(
  from: Page | APIRequestContext,
  path: string,
  inputs: unknown[],
): Promise<T[]> {
  if (inputs.length === 0) return [];
  const batch = Object.fromEntries(inputs.map((input, i) => [String(i), input]));
  const url = `/trpc/${inputs.map(() => path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(batch))}`;
  const response = await requester(from).get(url);
  if (!response.ok())
    throw new Error(`${path} ×${inputs.length}: HTTP ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }[]).map((answer) => answer.result.data);
}

/** A tRPC mutation with the session's CSRF token (from auth.me); a raw response, for checking refusals. */
export async function mutateRaw(from: Page | APIRequestContext, path: string, input?: unknown) {
  const me = await query<{ csrfToken: string } | null>(from, "auth.me");
  return requester(from).post(`/trpc/${path}`, {
    headers: { "x-isoloir-csrf": me?.csrfToken ?? "1", "content-type": "application/json" },
    data: JSON.stringify(input ?? {}),
  });
}

export async function mutate<T>(from: Page | APIRequestContext, path: string, input?: unknown): Promise<T> {
  return unwrap<T>(path, await mutateRaw(from, path, input));
}

/** A signed-in API session of its own (not the page's), e.g. an admin setting switches for a staff spec. */
export async function apiSession(baseURL: string, email: string, password = demoPassword) {
  const context = await request.newContext({ baseURL });
  const signedIn = await context.post("/trpc/auth.signIn", {
    headers: { "x-isoloir-csrf": "1", "content-type": "application/json" },
    data: JSON.stringify({ email, password }),
  });
  if (!signedIn.ok()) throw new Error(`sign-in of ${email}: HTTP ${signedIn.status()}`);
  return context;
}
