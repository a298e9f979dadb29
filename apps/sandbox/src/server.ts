import { setMaxListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type AdminContext, handleAdmin } from "./admin-handler";
import { Chaos } from "./chaos";
import {
  applyPatch,
  type ConfigPatch,
  DEFAULT_PORT,
  defaultToken,
  offConfig,
  type SandboxConfig,
  type SandboxOptions,
} from "./config";
import { sendJson } from "./http-util";
import { handleLookup, type LookupContext } from "./lookup-handler";
import { findRoute } from "./networks";
import { createPopulation, type Network, networks, type Population } from "./population";
import { type LogEntry, RequestLog } from "./request-log";

export interface Sandbox {
  /** e.g. http://127.0.0.1:3100 — what ISOLOIR_SANDBOX_URL should be. */
  url: string;
  port: number;
  population: Population;
  /** The request log (copies), optionally after an entry id or for one network. */
  log(filter?: { sinceId?: number; network?: Network }): LogEntry[];
  clearLog(): void;
  config(): SandboxConfig;
  configure(patch: ConfigPatch): SandboxConfig;
  close(): Promise<void>;
}

function tokensFrom(options: SandboxOptions): Record<Network, string> {
  const entries = networks.map((n) => [n, options.tokens?.[n] ?? defaultToken(n)] as const);
  return Object.fromEntries(entries) as Record<Network, string>;
}

async function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

function router(lookupCtx: LookupContext, adminCtx: AdminContext) {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const found = findRoute(req.method ?? "", url.pathname);
    if (found?.methodAllowed) return handleLookup(lookupCtx, found.route, found.match, req, res);
    if (found) return void sendJson(res, 405, { error: { code: 405, message: `use ${found.route.method}` } });
    if (!(await handleAdmin(adminCtx, req, res, url)))
      sendJson(res, 404, { error: { code: 404, message: "no such endpoint" } });
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => sendJson(res, 500, { error: { code: 500, message: "sandbox failure" } }));
  };
}

/** Starts the social-network simulator. Everything is off unless `options.config` turns it on. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const population = createPopulation(options);
  let config = applyPatch(offConfig, options.config ?? {});
  const log = new RequestLog(options.logLimit ?? 100_000);
  const chaos = new Chaos(population.seed, () => config);
  const closing = new AbortController();
  setMaxListeners(0, closing.signal); // one listener per lookup waiting out its latency
  const configure = (patch: ConfigPatch) => {
    const next = applyPatch(config, patch);
    if (next.maxRequestsPerSecond !== config.maxRequestsPerSecond) chaos.reset();
    config = next;
    return config;
  };
  const server = createServer(
    router(
      { population, chaos, log, tokens: tokensFrom(options), closing: closing.signal },
      { seed: population.seed, log, config: () => config, configure },
    ),
  );
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? DEFAULT_PORT, host);
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  const close = () =>
    new Promise<void>((resolve, reject) => {
      closing.abort();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return {
    url: `http://${urlHost}:${port}`,
    port,
    population,
    log: (filter) => log.list(filter),
    clearLog: () => log.clear(),
    config: () => config,
    configure,
    close,
  };
}
