// Test and benchmark support (`@isoloir/enrichment/testing`): organisations, subscribers and consent
// events on a test database, and the sandbox started in its own process.
export { bulkSubscribers, orgWithSwitch, sampleProfile, setSwitch, subscriber, withdraw } from "./fixtures";
export { type SandboxProcess, startSandboxProcess } from "./sandbox-process";
