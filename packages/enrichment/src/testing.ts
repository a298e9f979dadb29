// Test and benchmark support (`@isoloir/enrichment/testing`): organisations, subscribers and consent
// events on a test database, and the sandbox started in its own process.
export { bulkSubscribers, orgWithSwitch, setSwitch, subscriber, withdraw } from "./gate/test-support";
export { type SandboxProcess, startSandboxProcess } from "./jobs/sandbox-process";
