import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

export class DatabaseLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly holder: string,
  ) {
    super(`database in use by pid ${pid} (${holder}) — stop it or use DATABASE_URL`);
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): { pid: number; holder: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { pid: number; holder: string };
    return typeof parsed.pid === "number" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the exclusive lock file beside an embedded data directory. PGlite takes no lock of its own and
 * two processes on one directory corrupt it. A lock whose pid is dead is taken over (after a crash).
 */
export function acquireDataDirLock(dataDir: string, holder: string): () => void {
  const path = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, holder }));
      closeSync(fd);
      return () => {
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = readHolder(path);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new DatabaseLockedError(current.pid, current.holder);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock ${path}`);
}
