import type { OrgKind } from "@isoloir/db";
import { type Jurisdiction, jurisdictionOfCountry } from "@isoloir/policy";

export type { Jurisdiction };

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
  const found = jurisdictionOfCountry(org.country);
  if (!found) throw new UnsupportedJurisdictionError(org.country);
  return found;
}
