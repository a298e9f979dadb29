// Test helper: a tiny HTTP server whose answers each test scripts. Not exported by the package.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubReply {
  status: number;
  body?: unknown;
  /** Sent as is when a string, JSON-encoded otherwise. */
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface StubRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

export interface StubServer {
  url: string;
  requests: StubRequest[];
  reply(next: StubReply): void;
  close(): Promise<void>;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startStubServer(): Promise<StubServer> {
  let next: StubReply = { status: 500 };
  const requests: StubRequest[] = [];
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    requests.push({
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
      body,
    });
    const reply = next;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (reply) => {
      next = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
