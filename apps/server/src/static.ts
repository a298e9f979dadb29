import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import sirv from "sirv";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** A built single-page app, served from its dist folder, with index.html for client-side routes. */
export function spa(distDir: string): Handler {
  if (!existsSync(distDir)) {
    return (_req, res) => {
      res.statusCode = 503;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end(`This app is not built (${distDir} is missing): run \`npm run build\`.\n`);
    };
  }
  return sirv(distDir, { single: true, etag: true, gzip: false, dev: false });
}
