import type { OrgKind } from "@isoloir/db";

export type Jurisdiction = "FR" | "EU_INSTITUTION" | "UK" | "DE" | "LU" | "US";

const byCountry: Record<string, Jurisdiction> = {
  FR: "FR",
  DE: "DE",
  LU: "LU",
  GB: "UK",
  UK: "UK",
  US: "US",
};

export class UnsupportedJurisdictionError extends Error {
  constructor(readonly country: string) {
    super(
      `no rule pack for an organisation in ${country}: supported are FR, DE, LU, GB, US and EU institutions`,
    );
  }
}

/** The organisation's jurisdiction: its country's pack, or the EU institutions' regulation. */
export function jurisdictionOf(org: { kind: OrgKind; country: string }): Jurisdiction {
  if (org.kind === "eu_institution") return "EU_INSTITUTION";
  const found = byCountry[org.country.toUpperCase()];
  if (!found) throw new UnsupportedJurisdictionError(org.country);
  return found;
}
