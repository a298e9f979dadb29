import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { apiLimits, createApiHandler, type HttpDeps, isHttps } from "@isoloir/api";
import { framingFor, setSecurityHeaders } from "./headers";
import { spa } from "./static";

export interface ServerOptions extends HttpDeps {
  port: number;
  host?: string;
  webDist?: string;
  adminDist?: string;
}

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** The edge's limits (see the README). */
export const edgeLimits = {
  /** characters of a request URL; longer answers 414 */
  maxUrlLength: 8 * 1024,
  /** bytes of a request body anywhere (the API's own limit, checked here from Content-Length first) */
  maxBodyBytes: apiLimits.maxBodyBytes,
} as const;

const appsDir = fileURLToPath(new URL("../..", import.meta.url));

/** Answers a plain-text client error and closes the connection, without reading the body. */
function refuse(res: ServerResponse, status: number, message: string) {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.setHeader("connection", "close");
  res.end(`${message}\n`);
}

/** One Node process: tRPC at /trpc, the admin app at /admin, the web app at /. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const trpc = createApiHandler(options);
  const admin = spa(options.adminDist ?? `${appsDir}admin/dist`);
  const web = spa(options.webDist ?? `${appsDir}web/dist`);
  const notFound = (_req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 404;
    res.end("not found\n");
  };
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    const path = url.split("?")[0] ?? "/";
    setSecurityHeaders(res, { framing: framingFor(path), https: isHttps(options, req) });
    if (url.length > edgeLimits.maxUrlLength) {
      return refuse(res, 414, `the URL is longer than ${edgeLimits.maxUrlLength} characters`);
    }
    const declared = Number(req.headers["content-length"] ?? 0);
    if (!(declared <= edgeLimits.maxBodyBytes)) {
      return refuse(res, 413, `the request body is larger than ${edgeLimits.maxBodyBytes} bytes`);
    }
    if (path === "/healthz") return void res.end("ok\n");
    // chunked bodies have no Content-Length: tRPC's maxBodySize counts their bytes as they stream
    if (path.startsWith("/trpc/")) return void trpc(req, res);
    if (path === "/admin") {
      res.statusCode = 308;
      res.setHeader("location", "/admin/");
      return void res.end();
    }
    if (path.startsWith("/admin/")) {
      req.url = req.url?.slice("/admin".length) || "/";
      return admin(req, res, () => notFound(req, res));
    }
    return web(req, res, () => notFound(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
