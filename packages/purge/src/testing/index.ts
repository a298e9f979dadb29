// Test support (`@isoloir/purge/testing`): an organisation whose contacts cover every purge reason, and
// fingerprints of what a purge may and may not touch. The crash-resume child and its harness
// (`crash-child.ts`, `crash-harness.ts`) serve this package's own crash suite only.
export {
  ctxOf,
  type Exclusion,
  fingerprint,
  frozenTargets,
  type Kind,
  kinds,
  prng,
  purgeScenario,
  type Scenario,
  scenarioAt,
  uuidList,
} from "./scenario";
