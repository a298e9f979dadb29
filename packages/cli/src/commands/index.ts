import type { Command } from "commander";
import { registerAudit } from "./audit";
import { registerEnrich } from "./enrich";
import { registerMigrate } from "./migrate";
import { registerPolicy } from "./policy";
import { registerPurge } from "./purge";
import { registerSeed } from "./seed";
import { registerServe } from "./serve";

/** Every subcommand registers itself here; each calls a domain package. */
export function registerCommands(program: Command): void {
  registerServe(program);
  registerMigrate(program);
  registerSeed(program);
  registerAudit(program);
  registerPolicy(program);
  registerEnrich(program);
  registerPurge(program);
}
