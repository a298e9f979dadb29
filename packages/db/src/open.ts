import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type DbHandle, openPglite, openPostgres } from "./client";
import { installHmacKey, type Keys, keysForDataDir, keysFromEnv } from "./keys";
import { acquireDataDirLock } from "./lock";

export interface DatabaseConfig {
  /** postgres://… — any number of processes */
  databaseUrl?: string;
  /** the embedded PGlite directory, used when no databaseUrl */
  dataDir: string;
  /** who holds the embedded lock, shown to a second process ("isoloir serve") */
  holder: string;
  migrate?: boolean;
}

export interface OpenDatabase extends DbHandle {
  keys: Keys;
  /** where it lives, for messages: a data directory or the server URL without password */
  location: string;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** One database resolution for every entry point (CLI, server, tests): PostgreSQL if a URL is given, else PGlite. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const keys = keysFromEnv();
    installHmacKey(keys.hmacKey);
    const handle = await openPostgres(config.databaseUrl, { migrate: config.migrate });
    return { ...handle, keys, location: redact(config.databaseUrl) };
  }
  mkdirSync(dirname(config.dataDir), { recursive: true });
  const release = acquireDataDirLock(config.dataDir, config.holder);
  try {
    const keys = keysForDataDir(config.dataDir);
    installHmacKey(keys.hmacKey);
    const handle = await openPglite(config.dataDir, { migrate: config.migrate });
    const close = async () => {
      try {
        await handle.close();
      } finally {
        release();
      }
    };
    return { ...handle, close, keys, location: config.dataDir };
  } catch (error) {
    release();
    throw error;
  }
}
