import { pgEnum } from "drizzle-orm/pg-core";
import {
  channels,
  collectorKinds,
  consentMechanisms,
  consentScopes,
  hostingRegions,
  identifierKinds,
  legalBases,
  orgKinds,
  providers,
  roles,
  sourceKinds,
  suppressionReasons,
  transferMechanisms,
} from "./vocab";

export const orgKindEnum = pgEnum("org_kind", orgKinds);
export const roleEnum = pgEnum("role", roles);
export const sourceKindEnum = pgEnum("source_kind", sourceKinds);
export const collectorKindEnum = pgEnum("collector_kind", collectorKinds);
export const legalBasisEnum = pgEnum("legal_basis", legalBases);
export const consentScopeEnum = pgEnum("consent_scope", consentScopes);
export const consentMechanismEnum = pgEnum("consent_mechanism", consentMechanisms);
export const channelEnum = pgEnum("channel", channels);
export const suppressionReasonEnum = pgEnum("suppression_reason", suppressionReasons);
export const identifierKindEnum = pgEnum("identifier_kind", identifierKinds);
export const hostingRegionEnum = pgEnum("hosting_region", hostingRegions);
export const transferMechanismEnum = pgEnum("transfer_mechanism", transferMechanisms);
export const providerEnum = pgEnum("provider", providers);
