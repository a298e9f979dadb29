import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { appRouter, createHttpContext, type HttpDeps } from "@isoloir/api";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { setSecurityHeaders } from "./headers";
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

const appsDir = fileURLToPath(new URL("../..", import.meta.url));

/** One Node process: tRPC at /trpc, the admin app at /admin, the web app at /. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req, res }) => createHttpContext(options, req, res),
  });
  const admin = spa(options.adminDist ?? `${appsDir}admin/dist`);
  const web = spa(options.webDist ?? `${appsDir}web/dist`);
  const notFound = (_req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 404;
    res.end("not found\n");
  };
  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/healthz") return void res.end("ok\n");
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
