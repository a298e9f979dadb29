export {
  Anchor,
  type AnchorFinding,
  type AnchorReport,
  type AnchorResult,
  anchorAudit,
  auditChains,
  BadAnchorError,
  parseAnchor,
  verifyAnchors,
} from "./anchor";
export { type AppendOptions, AuditEntry, appendAudit, appendAuditWithin } from "./append";
export { canonicalJson } from "./canonical";
export {
  auditMacKey,
  currentScheme,
  entryHash,
  entryMac,
  genesisHash,
  legacyEntryHash,
  type StoredFields,
} from "./chain";
export { type PseudonymKind, pseudonym, systemActor } from "./pseudonym";
export {
  auditRowsOf,
  type BrokenLink,
  type ChainReport,
  type VerifyOptions,
  verifyAuditChain,
} from "./verify";
