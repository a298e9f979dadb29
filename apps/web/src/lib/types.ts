import type { RouterOutputs } from "@isoloir/ui";

export type ContactDetail = RouterOutputs["contacts"]["get"];
export type ProvenanceRow = ContactDetail["provenance"][number];
export type ConsentRow = ContactDetail["consents"][number];
export type ObjectionRow = ContactDetail["objections"][number];
