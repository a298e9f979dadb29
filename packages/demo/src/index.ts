export { demoDomain, demoOrganisation, demoPassword, demoSlug } from "./fixtures";
export { type LegacyCounts, legacyImports, seedLegacyBatch } from "./legacy";
export { demoSignIns, type SeedOptions, type SeedResult, seedDemo } from "./seed";
