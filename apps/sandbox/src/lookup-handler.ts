import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Chaos } from "./chaos";
import { BadRequest, readJson, sendJson } from "./http-util";
import type { NetworkRoute, Reply } from "./networks";
import type { Network, Population } from "./population";
import type { LogEntry, Outcome, RequestLog } from "./request-log";

export interface LookupContext {
  population: Population;
  chaos: Chaos;
  log: RequestLog;
  tokens: Record<Network, string>;
  /** Aborted when the sandbox closes, so pending latencies stop at once. */
  closing: AbortSignal;
}

const HASH = /^[0-9a-f]{64}$/;

const problem = (status: number, message: string, headers?: Record<string, string>): Reply => ({
  status,
  body: { error: { code: status, message } },
  headers,
});

function checkToken(
  ctx: LookupContext,
  network: Network,
  header: string | undefined,
): [Reply, Outcome] | undefined {
  const match = /^Bearer (.+)$/.exec(header ?? "");
  if (!match) return [problem(401, "missing bearer token", { "www-authenticate": "Bearer" }), "unauthorized"];
  if (match[1] !== ctx.tokens[network])
    return [problem(403, "token not valid for this network"), "forbidden"];
  return undefined;
}

async function emailHashOf(route: NetworkRoute, req: IncomingMessage, url: URL, match: RegExpExecArray) {
  const body = route.method === "POST" ? await readJson(req) : undefined;
  const hash = route.emailHash(url, match, body);
  if (typeof hash !== "string" || !HASH.test(hash))
    throw new BadRequest("expected a lower-case SHA-256 hex email hash");
  return hash;
}

/** Everything after the token and hash checks: the chaos verdict, the latency, then the answer. */
async function answer(
  ctx: LookupContext,
  route: NetworkRoute,
  entry: LogEntry,
  hash: string,
): Promise<[Reply, Outcome]> {
  const verdict = ctx.chaos.decide(route.network, entry.startedAt);
  const delay = ctx.chaos.delayMs();
  if (delay > 0) await sleep(delay, undefined, { signal: ctx.closing });
  if (verdict.kind === "rate_limited") {
    const headers = { "retry-after": String(verdict.retryAfterSeconds) };
    return [problem(429, "rate limit exceeded", headers), "rate_limited"];
  }
  if (verdict.kind === "error") return [problem(verdict.status, "temporary failure"), "server_error"];
  const member = ctx.population.lookup(hash, route.network);
  return member ? [route.found(member), "found"] : [route.notFound(), "not_found"];
}

async function decide(
  ctx: LookupContext,
  route: NetworkRoute,
  entry: LogEntry,
  req: IncomingMessage,
  match: RegExpExecArray,
): Promise<[Reply, Outcome]> {
  const refused = checkToken(ctx, route.network, req.headers.authorization);
  if (refused) return refused;
  try {
    const url = new URL(req.url ?? "/", "http://sandbox");
    entry.emailHash = await emailHashOf(route, req, url, match);
  } catch (error) {
    if (error instanceof BadRequest) return [problem(400, error.message), "bad_request"];
    throw error;
  }
  return answer(ctx, route, entry, entry.emailHash);
}

/** One lookup on one network, logged from arrival to answer. */
export async function handleLookup(
  ctx: LookupContext,
  route: NetworkRoute,
  match: RegExpExecArray,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const entry = ctx.log.start(route.network, req.method ?? "");
  try {
    const [reply, outcome] = await decide(ctx, route, entry, req, match);
    const sent = sendJson(res, reply.status, reply.body, reply.headers);
    ctx.log.finish(entry, sent ? reply.status : 0, sent ? outcome : "aborted");
  } catch {
    // Either the sandbox is closing (a pending latency was cut short) or a bug; never leave it hanging.
    const sent =
      !ctx.closing.aborted && sendJson(res, 500, { error: { code: 500, message: "sandbox failure" } });
    ctx.log.finish(entry, sent ? 500 : 0, sent ? "server_error" : "aborted");
  }
}
