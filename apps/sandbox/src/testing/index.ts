// Test helpers: demo-shaped emails and a raw client that speaks each network's request format.
// Not exported by the package.
import { defaultToken } from "../config";
import { firstNames, lastNames } from "../french-data";
import { hashEmail, type Network } from "../population";
import { rngFrom } from "../prng";

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
const domains = ["courriel.example", "laposte.example", "orange.example", "free.example", "mail.example"];

/** Emails shaped like packages/demo's seed: `<first>.<last><index>@<domain>`. */
export function demoEmails(count: number, seed = "test"): string[] {
  const rng = rngFrom(seed, "emails");
  return Array.from(
    { length: count },
    (_, i) => `${slug(rng.pick(firstNames))}.${slug(rng.pick(lastNames))}${i}@${rng.pick(domains)}`,
  );
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  elapsedMs: number;
}

function requestFor(network: Network, hash: string): { path: string; init: RequestInit } {
  const post = (path: string, body: unknown) => ({
    path,
    init: { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } },
  });
  if (network === "facebook") return { path: `/facebook/v19.0/lookup?email_sha256=${hash}`, init: {} };
  if (network === "twitter") return { path: `/twitter/2/users/by/email_sha256/${hash}`, init: {} };
  if (network === "linkedin") return post("/linkedin/v2/peopleLookup", { emailSha256: hash });
  return post("/meetup/gql", { query: "query { memberByEmailHash }", variables: { emailHash: hash } });
}

/** One lookup sent by hand (token defaults to the sandbox's own; `null` sends none). */
export async function rawLookup(
  baseUrl: string,
  network: Network,
  emailOrHash: string,
  token: string | null = defaultToken(network),
): Promise<RawAnswer> {
  const hash = emailOrHash.includes("@") ? hashEmail(emailOrHash) : emailOrHash;
  const { path, init } = requestFor(network, hash);
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
    elapsedMs: performance.now() - started,
  };
}
