export { demoDomain, demoOrganisation, demoPassword, demoSlug } from "./fixtures";
export { demoSignIns, type SeedOptions, type SeedResult, seedDemo } from "./seed";
export { type LegacyCounts, legacyImports, seedLegacyBatch } from "./legacy";
