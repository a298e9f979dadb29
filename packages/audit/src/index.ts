export { AuditEntry, appendAudit, appendAuditWithin } from "./append";
export { canonicalJson } from "./canonical";
export { entryHash, genesisHash } from "./chain";
export { type PseudonymKind, pseudonym, systemActor } from "./pseudonym";
export { type BrokenLink, type ChainReport, verifyAuditChain } from "./verify";
