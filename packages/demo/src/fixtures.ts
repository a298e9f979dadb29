import { createHash } from "node:crypto";
import { type Db, elections, notices, processors } from "@isoloir/db";

export const demoSlug = "demo";
export const demoPassword = "isoloir-demo-2027";
export const demoDomain = "demo.isoloir.test";

export const demoOrganisation = {
  slug: demoSlug,
  name: "Renouveau Citoyen",
  kind: "party" as const,
  country: "FR",
  controllerName: "Renouveau Citoyen (association loi 1901)",
  controllerAddress: "12 rue de la République, 69002 Lyon",
  controllerEmail: `contact@${demoDomain}`,
  dpoName: "Claire Delorme",
  dpoEmail: `dpo@${demoDomain}`,
};

const noticeV1 = `Renouveau Citoyen traite vos données pour vous informer de son action politique (base légale : consentement).
Vos données sont conservées tant que vous restez en contact avec nous, et au plus 3 ans sans interaction.
Vous pouvez vous opposer, accéder, rectifier ou effacer vos données : dpo@${demoDomain}. Réclamation : www.cnil.fr.`;
const noticeV2 = `${noticeV1}
Fréquence des envois : au plus deux courriels par mois. Hébergement en France. Destinataires : l'équipe de campagne et nos sous-traitants listés sur notre site.`;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export async function insertNotices(db: Db, orgId: string) {
  return db
    .insert(notices)
    .values([
      { orgId, version: "2026-01", text: noticeV1, hash: sha256(noticeV1) },
      { orgId, version: "2026-09", text: noticeV2, hash: sha256(noticeV2) },
    ])
    .returning();
}

export async function insertElections(db: Db, orgId: string) {
  const [legislative, municipal] = await db
    .insert(elections)
    .values([
      {
        orgId,
        name: "Législatives 2027 — 3e circonscription du Rhône",
        type: "legislative",
        jurisdiction: "FR",
        rounds: ["2027-06-13", "2027-06-20"],
      },
      {
        orgId,
        name: "Municipales 2026 — Lyon",
        type: "municipal",
        jurisdiction: "FR",
        rounds: ["2026-03-15", "2026-03-22"],
        resultsProclaimedAt: "2026-03-23",
      },
    ])
    .returning();
  if (!legislative || !municipal) throw new Error("insert elections returned nothing");
  return { legislative, municipal };
}

export async function insertProcessors(db: Db, orgId: string) {
  await db.insert(processors).values([
    {
      orgId,
      name: "Hébergeur (Roubaix, FR)",
      purpose: "hosting",
      hostingRegion: "EEA",
      transferMechanism: "none_needed_EEA",
      authorised: true,
      art28ContractSigned: true,
    },
    {
      orgId,
      name: "Routeur d'e-mails (Paris, FR)",
      purpose: "email delivery",
      hostingRegion: "EEA",
      transferMechanism: "none_needed_EEA",
      authorised: true,
      art28ContractSigned: true,
    },
    {
      orgId,
      name: "Passerelle SMS (Dublin, IE)",
      purpose: "sms delivery",
      hostingRegion: "EEA",
      transferMechanism: "none_needed_EEA",
      authorised: false,
      art28ContractSigned: true,
    },
    {
      orgId,
      name: "Support technique (US)",
      purpose: "support access",
      hostingRegion: "US",
      transferMechanism: "SCC_with_TIA",
      authorised: true,
      art28ContractSigned: true,
    },
  ]);
}
