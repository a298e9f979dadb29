import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

// Tests start the sandbox as the product does: its own process and port (apps/sandbox).

const sandboxMain = fileURLToPath(new URL("../../../../apps/sandbox/src/main.ts", import.meta.url));

export interface SandboxProcess {
  url: string;
  log(): Promise<{ network: string; emailHash: string | null; startedAt: number; status: number }[]>;
  configure(patch: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", sandboxMain, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once("exit", (code) => reject(new Error(`sandbox exited (${code}) before listening`)));
    setTimeout(() => reject(new Error("sandbox did not start within 30 s")), 30_000);
  });
  return {
    url,
    log: async () => ((await (await fetch(`${url}/_sandbox/log`)).json()) as { entries: never[] }).entries,
    configure: async (patch) => {
      await fetch(`${url}/_sandbox/config`, {
        method: "POST",
        body: JSON.stringify(patch),
        headers: { "content-type": "application/json" },
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
