import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const childPath = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

export type Kill = { point: "mid" | "boundary"; batch: number } | { afterMs: number } | undefined;

export interface ChildResult {
  /** how the child ended: killed at its stop point, killed at a random time, or by itself */
  ended: "killed_at_point" | "killed_at_random" | "exited";
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the crash child once; SIGKILLs it at its stop point, or `afterMs` after it opened the database. */
export function runChild(
  args: Record<string, unknown>,
  kill: Kill,
  env: NodeJS.ProcessEnv,
): Promise<ChildResult> {
  const stopAt = kill && "point" in kill ? kill : undefined;
  const child = spawn(process.execPath, ["--import", "tsx", childPath, JSON.stringify({ ...args, stopAt })], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let ended: ChildResult["ended"] = "exited";
  const killNow = (how: ChildResult["ended"]) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    ended = how;
    child.kill("SIGKILL");
  };
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stopAt && stdout.includes("POINT ")) killNow("killed_at_point");
    if (kill && "afterMs" in kill && stdout.includes("READY") && !stdout.includes("TIMER")) {
      stdout += "TIMER\n";
      setTimeout(() => killNow("killed_at_random"), kill.afterMs);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on("exit", (code, signal) =>
      resolve({
        ended: ended === "exited" || signal === "SIGKILL" ? ended : "exited",
        code,
        signal,
        stdout,
        stderr,
      }),
    );
  });
}
