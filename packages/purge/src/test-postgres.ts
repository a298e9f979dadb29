import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A database of its own on the server behind `url`, migrated by whoever opens it first: for tests that
 * need a URL rather than a handle (pg-boss, a child process). Not exported from the package.
 */
export async function createThrowawayDatabase(
  url: string,
  prefix = "isoloir_purge_t",
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
