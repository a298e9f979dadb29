import type { RouterOutputs } from "@isoloir/ui";

export type Organisation = RouterOutputs["organisation"]["get"];
export type Member = RouterOutputs["members"]["list"][number];
export type CountryRow = RouterOutputs["countries"]["list"][number];
export type AuditEntry = RouterOutputs["audit"]["list"]["items"][number];
