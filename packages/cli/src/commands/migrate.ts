import { rows } from "@isoloir/db";
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { globalOptions, withDatabase } from "../context";
import { emit } from "../output";

export function registerMigrate(program: Command): void {
  program
    .command("migrate")
    .description("apply pending migrations to the configured database (PGlite or PostgreSQL)")
    .addHelpText(
      "after",
      "\nExample:\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/isoloir isoloir migrate",
    )
    .action(async (_opts: unknown, command: Command) => {
      const global = globalOptions(command);
      await withDatabase(global, "isoloir migrate", async (database) => {
        const [applied] = await rows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        emit(
          global,
          () => `Database at ${database.location} is up to date (${applied?.n ?? 0} migrations applied).`,
          () => ({ database: database.location, migrations: applied?.n ?? 0 }),
        );
      });
    });
}
