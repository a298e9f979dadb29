import { startJobWorkers } from "@isoloir/api";
import { demoPassword, seedDemo } from "@isoloir/demo";
import { openJobQueue } from "@isoloir/jobs";
import { parseTrustedProxies, startServer } from "@isoloir/server";
import { type Command, Option } from "commander";
import { globalOptions, openConfiguredDatabase } from "../context";
import { CliError } from "../errors";
import { emit } from "../output";

interface ServeOptions {
  port: string;
  host: string;
  seed: boolean;
  seedContacts: string;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the web app at /, the admin app at /admin and the API at /trpc, on one port")
    .addOption(new Option("--port <port>", "port to listen on").env("PORT").default("3000"))
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--no-seed", "do not seed the demo organisation into an empty database")
    .option("--seed-contacts <n>", "contacts in the demo seed", "2000")
    .addHelpText("after", "\nExample:\n  isoloir serve --port 3000")
    .action(async (opts: ServeOptions, command: Command) => {
      const global = globalOptions(command);
      const trustedProxies = (() => {
        try {
          return parseTrustedProxies(process.env.ISOLOIR_TRUSTED_PROXIES);
        } catch (error) {
          throw new CliError(error instanceof Error ? error.message : String(error));
        }
      })();
      const database = await openConfiguredDatabase(global, "isoloir serve");
      const seeded = opts.seed
        ? await seedDemo(database.db, database.keys, { contacts: Number(opts.seedContacts) })
        : undefined;
      const jobs = await openJobQueue({
        db: database.db,
        driver: database.driver,
        connectionString: process.env.DATABASE_URL,
      });
      // the composition root: the one place this process's job workers start
      await startJobWorkers(jobs, database);
      const server = await startServer({
        ...database,
        jobs,
        port: Number(opts.port),
        host: opts.host,
        secureCookies: process.env.ISOLOIR_SECURE_COOKIES === "1",
        trustedProxies,
      }).catch(async (error: Error) => {
        await jobs.stop({ graceful: false });
        await database.close();
        throw new CliError(
          `cannot listen on ${opts.host}:${opts.port}: ${error.message} (set --port or PORT)`,
        );
      });
      emit(
        global,
        () => banner(server.url, database.location, seeded?.signIns),
        () => ({ url: server.url, database: database.location, signIns: seeded?.signIns ?? [] }),
      );
      const stop = async () => {
        await server.close();
        await jobs.stop({ graceful: true, timeoutMs: 5000 });
        await database.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

function banner(url: string, location: string, signIns?: { email: string; role: string }[]): string {
  const lines = [
    `Isoloir is running on ${url}`,
    `  web app    ${url}/`,
    `  admin app  ${url}/admin/`,
    `  database   ${location}`,
  ];
  if (signIns) {
    lines.push("", `Demo sign-ins (password: ${demoPassword}):`);
    for (const s of signIns) lines.push(`  ${s.role.padEnd(11)} ${s.email}`);
  }
  return lines.join("\n");
}
