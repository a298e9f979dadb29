import { consents, contacts, type Db, provenance } from "@isoloir/db";
import { and, eq, or } from "drizzle-orm";
import { InvalidIdentityError, SuppressedPersonError } from "./errors";
import { ConsentInput, Identity, ProvenanceInput } from "./inputs";
import { identifierHmac, normaliseEmail, normalisePhone } from "./normalise";
import { findSuppression, type IdentifierHmacs } from "./suppression";

export interface AdmitContext {
  orgId: string;
  hmacKey: string;
  /** the organisation's country, used to read national phone numbers */
  defaultCountry?: string;
}

export interface AdmitResult {
  contactId: string;
  created: boolean;
  provenanceId: string;
}

type NormalisedIdentity = Omit<Identity, "email" | "phone"> & { email: string | null; phone: string | null };

function normaliseIdentity(raw: Identity, defaultCountry: string): NormalisedIdentity {
  const email = normaliseEmail(raw.email);
  if (raw.email && !email) throw new InvalidIdentityError("email", `"${raw.email}" is not an email address`);
  const phone = normalisePhone(raw.phone, raw.country ?? defaultCountry);
  if (raw.phone && !phone)
    throw new InvalidIdentityError("phone", `"${raw.phone}" is not a valid phone number`);
  if (!email && !phone && !(raw.lastName && raw.postalCode)) {
    throw new InvalidIdentityError("identity", "give an email, a phone, or a last name with a postal code");
  }
  return { ...raw, email, phone };
}

function hmacsOf(ctx: AdmitContext, identity: NormalisedIdentity): IdentifierHmacs {
  return {
    emailHmac: identity.email ? identifierHmac(ctx.hmacKey, ctx.orgId, identity.email) : null,
    phoneHmac: identity.phone ? identifierHmac(ctx.hmacKey, ctx.orgId, identity.phone) : null,
  };
}

/** Fields this origin brought, for the provenance row. */
function fieldsOf(identity: NormalisedIdentity): string[] {
  return Object.entries(identity)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k]) => k);
}

/**
 * The one way a person enters the base (form, import, enrichment, seed). Refuses anyone on the
 * suppression list; merges with an existing contact of the same email or phone without overwriting what
 * is already there; always records where the data came from.
 */
export async function admitPerson(
  db: Db,
  ctx: AdmitContext,
  rawIdentity: Identity,
  rawProvenance: ProvenanceInput,
  rawConsents: ConsentInput[] = [],
): Promise<AdmitResult> {
  const identity = normaliseIdentity(Identity.parse(rawIdentity), ctx.defaultCountry ?? "FR");
  const origin = ProvenanceInput.parse(rawProvenance);
  const consentRows = rawConsents.map((c) => ConsentInput.parse(c));
  const hmacs = hmacsOf(ctx, identity);
  return db.transaction(async (tx) => {
    const suppressedOn = await findSuppression(tx, ctx.orgId, hmacs);
    if (suppressedOn) throw new SuppressedPersonError(suppressedOn);
    const existing = await findByIdentifiers(tx, ctx.orgId, hmacs);
    const contactId = existing
      ? await fillMissing(tx, ctx.orgId, existing, { ...identity, ...hmacs })
      : await insertContact(tx, ctx.orgId, identity, hmacs);
    const [row] = await tx
      .insert(provenance)
      .values({ orgId: ctx.orgId, contactId, fields: fieldsOf(identity), ...origin })
      .returning({ id: provenance.id });
    if (consentRows.length > 0) {
      await tx.insert(consents).values(consentRows.map((c) => ({ orgId: ctx.orgId, contactId, ...c })));
    }
    return { contactId, created: !existing, provenanceId: row?.id ?? "" };
  });
}

async function findByIdentifiers(db: Db, orgId: string, hmacs: IdentifierHmacs) {
  const matches = [
    hmacs.emailHmac ? eq(contacts.emailHmac, hmacs.emailHmac) : undefined,
    hmacs.phoneHmac ? eq(contacts.phoneHmac, hmacs.phoneHmac) : undefined,
  ].filter((m) => m !== undefined);
  if (matches.length === 0) return undefined;
  const [found] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), or(...matches)))
    .limit(1);
  return found;
}

async function insertContact(db: Db, orgId: string, identity: NormalisedIdentity, hmacs: IdentifierHmacs) {
  const [row] = await db
    .insert(contacts)
    .values({
      orgId,
      ...identity,
      firstName: identity.firstName ?? "",
      lastName: identity.lastName ?? "",
      ...hmacs,
    })
    .returning({ id: contacts.id });
  if (!row) throw new Error("insert contact returned nothing");
  return row.id;
}

async function fillMissing(
  db: Db,
  orgId: string,
  existing: typeof contacts.$inferSelect,
  identity: NormalisedIdentity & IdentifierHmacs,
): Promise<string> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(identity)) {
    const current = existing[key as keyof typeof existing];
    if ((current === null || current === "") && value !== undefined && value !== null) patch[key] = value;
  }
  if (Object.keys(patch).length > 0) {
    await db
      .update(contacts)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(contacts.orgId, orgId), eq(contacts.id, existing.id)));
  }
  return existing.id;
}
