import type { RouterOutputs } from "@isoloir/ui";

export type ContactDetail = RouterOutputs["contacts"]["get"];
export type ProvenanceRow = ContactDetail["provenance"][number];
export type ConsentRow = ContactDetail["consents"][number];
export type ObjectionRow = ContactDetail["objections"][number];
export type EnrichmentRow = RouterOutputs["enrichment"]["forContact"][number];
export type EnrichmentPreview = RouterOutputs["enrichment"]["preview"];
export type EnrichmentJob = RouterOutputs["enrichment"]["job"];
