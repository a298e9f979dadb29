// CLI entry: `node --import tsx apps/sandbox/src/main.ts [--port 3100] [--host 127.0.0.1] [--seed s]
// [--profile off|realistic]`. Flags win over the environment (see sandboxOptionsFromEnv).
import { parseArgs } from "node:util";
import { Preset, sandboxOptionsFromEnv } from "./config";
import { startSandbox } from "./server";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      profile: { type: "string" },
    },
  });
  const options = sandboxOptionsFromEnv(process.env);
  if (values.port !== undefined) options.port = Number(values.port);
  if (values.host !== undefined) options.host = values.host;
  if (values.seed !== undefined) options.seed = values.seed;
  if (values.profile !== undefined)
    options.config = { ...options.config, preset: Preset.parse(values.profile) };
  if (!Number.isInteger(options.port) || (options.port ?? 0) < 0)
    throw new RangeError("--port must be a port number");

  const sandbox = await startSandbox(options);
  console.log(`isoloir sandbox listening on ${sandbox.url} (seed "${sandbox.population.seed}")`);
  console.log(`config ${JSON.stringify(sandbox.config())}`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
