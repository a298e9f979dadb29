import type { IncomingMessage, ServerResponse } from "node:http";
import { ConfigPatch, type SandboxConfig } from "./config";
import { BadRequest, readJson, sendJson } from "./http-util";
import { type Network, networks } from "./population";
import type { RequestLog } from "./request-log";

export interface AdminContext {
  seed: string;
  log: RequestLog;
  config(): SandboxConfig;
  configure(patch: ConfigPatch): SandboxConfig;
}

function logFilter(url: URL): { sinceId?: number; network?: Network } {
  const since = url.searchParams.get("since");
  const network = url.searchParams.get("network");
  if (since !== null && !/^\d+$/.test(since)) throw new BadRequest("since must be a log entry id");
  if (network !== null && !(networks as readonly string[]).includes(network))
    throw new BadRequest("unknown network");
  return {
    sinceId: since === null ? undefined : Number(since),
    network: (network ?? undefined) as Network | undefined,
  };
}

async function postConfig(ctx: AdminContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = ConfigPatch.safeParse((await readJson(req)) ?? {});
  if (!parsed.success) {
    sendJson(res, 400, { error: { code: 400, message: "invalid config", issues: parsed.error.issues } });
    return;
  }
  sendJson(res, 200, ctx.configure(parsed.data));
}

/** /healthz and /_sandbox/*: returns false when the path is not one of them. */
export async function handleAdmin(ctx: AdminContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const route = `${req.method} ${url.pathname}`;
  try {
    if (route === "GET /healthz") sendJson(res, 200, { status: "ok", seed: ctx.seed, networks });
    else if (route === "GET /_sandbox/config") sendJson(res, 200, ctx.config());
    else if (route === "POST /_sandbox/config") await postConfig(ctx, req, res);
    else if (route === "GET /_sandbox/log") {
      sendJson(res, 200, { entries: ctx.log.list(logFilter(url)), dropped: ctx.log.dropped });
    } else if (route === "DELETE /_sandbox/log") {
      ctx.log.clear();
      sendJson(res, 204, undefined);
    } else return false;
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    sendJson(res, 400, { error: { code: 400, message: error.message } });
  }
  return true;
}
