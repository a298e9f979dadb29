import type { RouterOutputs } from "@isoloir/ui";

export type Organisation = RouterOutputs["organisation"]["get"];
export type Member = RouterOutputs["members"]["list"][number];
export type CountryRow = RouterOutputs["countries"]["list"][number];
export type AuditEntry = RouterOutputs["audit"]["list"]["items"][number];
export type RuleRow = RouterOutputs["rules"]["list"]["rules"][number];
export type RuleDetail = RouterOutputs["rules"]["get"];
export type RuleCase = RuleDetail["cases"][number];
export type Citation = RuleDetail["citations"][number];
export type RuleSetDiff = RouterOutputs["rules"]["diff"];
export type RuleSetExport = RouterOutputs["rules"]["current"];
export type SwitchChangeRow = RouterOutputs["countries"]["history"][number];
export type SwitchRequirements = RouterOutputs["countries"]["switchRequirements"];
export type ProviderRow = RouterOutputs["countries"]["providers"][number];
