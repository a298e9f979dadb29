export {
  ConfigPatch,
  DEFAULT_PORT,
  defaultToken,
  type Env,
  offConfig,
  Preset,
  presets,
  realisticConfig,
  SandboxConfig,
  type SandboxOptions,
  sandboxOptionsFromEnv,
} from "./config";
export { findRoute, type NetworkRoute, routes } from "./networks";
export {
  createPopulation,
  DEFAULT_PRESENCE,
  DEFAULT_SEED,
  defaultShares,
  hashEmail,
  type Network,
  networks,
  type Population,
  type PopulationOptions,
  type SyntheticMember,
} from "./population";
export { type LogEntry, type Outcome, outcomes } from "./request-log";
export { type Sandbox, startSandbox } from "./server";
