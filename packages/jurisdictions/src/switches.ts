import { appendAudit } from "@isoloir/audit";
import { countrySettingChanges, countrySettings, type Db, type OrgKind } from "@isoloir/db";
import { normaliseCountry } from "@isoloir/policy/vocabulary";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { SwitchError } from "./errors";

/**
 * The sentence a French political organisation confirms before switching enrichment on. It names the
 * CNIL's position of 8 November 2016: a newsletter sign-up is no consent to social-profile matching.
 */
export const cnil2016Confirmation =
  "Je confirme avoir pris connaissance de la position de la CNIL du 8 novembre 2016 : l'inscription à une lettre d'information ne vaut pas consentement au rapprochement avec les réseaux sociaux ; l'enrichissement ne concernera que les personnes qui y ont expressément consenti.";

const politicalKinds: readonly OrgKind[] = ["party", "candidate", "elected_official", "campaign_association"];

export function needsCnil2016Confirmation(org: { kind: OrgKind; country: string }): boolean {
  return org.country === "FR" && politicalKinds.includes(org.kind);
}

export const SwitchChange = z
  .object({
    country: z.string().length(2).transform(normaliseCountry),
    enabled: z.boolean(),
    justification: z.string().trim().max(2000).default(""),
    confirmation: z.string().optional(),
  })
  .strict();
export type SwitchChange = z.input<typeof SwitchChange>;

export interface SwitchActor {
  orgId: string;
  org: { kind: OrgKind; country: string };
  userId: string;
  /** the actor's audit pseudonym */
  pseudonym: string;
}

function checkTurningOn(change: z.infer<typeof SwitchChange>, actor: SwitchActor): void {
  if (!change.enabled) return;
  if (change.justification.length < 20) {
    throw new SwitchError(
      "justification_required",
      "justification: write at least 20 characters on why this country needs enrichment",
    );
  }
  if (needsCnil2016Confirmation(actor.org) && change.confirmation !== cnil2016Confirmation) {
    throw new SwitchError(
      "cnil_confirmation_required",
      "confirmation: a French political organisation must confirm the CNIL's 2016 position word for word",
    );
  }
}

/** Turns a country's enrichment switch on or off, with its history row and an audit entry. */
export async function setEnrichmentSwitch(db: Db, actor: SwitchActor, input: SwitchChange) {
  const change = SwitchChange.parse(input);
  checkTurningOn(change, actor);
  const acknowledged = change.enabled && needsCnil2016Confirmation(actor.org);
  return db.transaction(async (tx) => {
    const values = {
      orgId: actor.orgId,
      country: change.country,
      enrichmentEnabled: change.enabled,
      changedBy: actor.userId,
      changedAt: new Date(),
      justification: change.justification || null,
    };
    await tx
      .insert(countrySettings)
      .values(values)
      .onConflictDoUpdate({ target: [countrySettings.orgId, countrySettings.country], set: values });
    await tx.insert(countrySettingChanges).values({
      orgId: actor.orgId,
      country: change.country,
      enrichmentEnabled: change.enabled,
      changedBy: actor.userId,
      justification: change.justification,
      cnil2016Acknowledged: acknowledged,
    });
    await appendAudit(tx, {
      orgId: actor.orgId,
      action: change.enabled ? "enrichment_switch.on" : "enrichment_switch.off",
      actor: actor.pseudonym,
      details: { country: change.country, cnil2016Acknowledged: acknowledged },
    });
    return values;
  });
}

/** A country's switch history, newest first. */
export function switchHistory(db: Db, orgId: string, country: string) {
  return db
    .select()
    .from(countrySettingChanges)
    .where(
      and(eq(countrySettingChanges.orgId, orgId), eq(countrySettingChanges.country, country.toUpperCase())),
    )
    .orderBy(desc(countrySettingChanges.changedAt));
}
