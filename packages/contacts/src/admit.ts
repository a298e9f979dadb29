import { channels as channelOrder, consents, contacts, type Db, objections, provenance } from "@isoloir/db";
import { and, eq, or } from "drizzle-orm";
import { InvalidIdentityError, SuppressedPersonError } from "./errors";
import { ConsentInput, Identity, ProvenanceInput } from "./inputs";
import { identifierHmac, identityKey, normaliseEmail, normalisePhone } from "./normalise";
import {
  findSuppressions,
  type IdentifierHmacs,
  identifierPairs,
  type SuppressionRecord,
} from "./suppression";

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
  /** a suppression record scoped to channels matched the person: their objection was recreated on the contact */
  objectionRestored: boolean;
}

type NormalisedIdentity = Omit<Identity, "email" | "phone"> & { email: string | null; phone: string | null };

function normaliseIdentity(raw: Identity, defaultCountry: string): NormalisedIdentity {
  const email = normaliseEmail(raw.email);
  if (raw.email && !email) throw new InvalidIdentityError("email", `"${raw.email}" is not an email address`);
  const phone = normalisePhone(raw.phone, raw.country ?? defaultCountry);
  if (raw.phone && !phone)
    throw new InvalidIdentityError("phone", `"${raw.phone}" is not a valid phone number`);
  const bornIn = raw.birthDate ? Number(raw.birthDate.slice(0, 4)) : undefined;
  if (bornIn !== undefined && raw.birthYear !== undefined && raw.birthYear !== bornIn)
    throw new InvalidIdentityError("birthYear", `${raw.birthYear} is not the year of ${raw.birthDate}`);
  const known = identityKey(raw.birthName, raw.firstName, raw.birthDate) !== null;
  if (!email && !phone && !(raw.lastName && raw.postalCode) && !known) {
    throw new InvalidIdentityError(
      "identity",
      "give an email, a phone, a last name with a postal code, or a birth name with first names and birth date",
    );
  }
  return { ...raw, email, phone, ...(bornIn !== undefined ? { birthYear: bornIn } : {}) };
}

type IdentityParts = { birthName?: string | null; firstName?: string | null; birthDate?: string | null };

function identityHmacOf(ctx: AdmitContext, parts: IdentityParts): string | null {
  const key = identityKey(parts.birthName, parts.firstName, parts.birthDate);
  return key ? identifierHmac(ctx.hmacKey, ctx.orgId, key) : null;
}

function hmacsOf(ctx: AdmitContext, identity: NormalisedIdentity): IdentifierHmacs {
  return {
    emailHmac: identity.email ? identifierHmac(ctx.hmacKey, ctx.orgId, identity.email) : null,
    phoneHmac: identity.phone ? identifierHmac(ctx.hmacKey, ctx.orgId, identity.phone) : null,
    identityHmac: identityHmacOf(ctx, identity),
  };
}

/** Fields this origin brought, for the provenance row. */
function fieldsOf(identity: NormalisedIdentity): string[] {
  return Object.entries(identity)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k]) => k);
}

/**
 * The one way a person enters the base (form, import, enrichment, seed). Refuses anyone matching a
 * suppression record of scope `all`; merges with an existing contact of the same email or phone without
 * overwriting what is already there; always records where the data came from; and, when the person
 * matches records scoped to channels (they objected before and their contact was since purged), recreates
 * that objection on the contact in the same transaction, with the record's date.
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
    const records = await findSuppressions(tx, ctx.orgId, hmacs);
    if (records.some((r) => r.allChannels)) throw new SuppressedPersonError();
    const existing = await findByIdentifiers(tx, ctx.orgId, hmacs);
    const { contactId, merged } = existing
      ? await fillMissing(tx, ctx, existing, { ...identity, ...hmacs })
      : { contactId: await insertContact(tx, ctx.orgId, identity, hmacs), merged: hmacs };
    // the merged contact may carry identifiers the person did not give here
    const given = new Set(identifierPairs(hmacs).map((p) => p.hmac));
    const unseen = identifierPairs(merged).some((p) => !given.has(p.hmac));
    const further = unseen ? await findSuppressions(tx, ctx.orgId, merged) : [];
    if (further.some((r) => r.allChannels)) throw new SuppressedPersonError();
    const objectionRestored = await restoreObjection(tx, ctx.orgId, contactId, [...records, ...further]);
    const [row] = await tx
      .insert(provenance)
      .values({ orgId: ctx.orgId, contactId, fields: fieldsOf(identity), ...origin })
      .returning({ id: provenance.id });
    if (consentRows.length > 0) {
      await tx.insert(consents).values(consentRows.map((c) => ({ orgId: ctx.orgId, contactId, ...c })));
    }
    return { contactId, created: !existing, provenanceId: row?.id ?? "", objectionRestored };
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
  ctx: AdmitContext,
  existing: typeof contacts.$inferSelect,
  identity: NormalisedIdentity & IdentifierHmacs,
): Promise<{ contactId: string; merged: IdentifierHmacs }> {
  const patch: Record<string, unknown> = {};
  const { identityHmac: _given, ...fields } = identity;
  for (const [key, value] of Object.entries(fields)) {
    const current = existing[key as keyof typeof existing];
    if ((current === null || current === "") && value !== undefined && value !== null) patch[key] = value;
  }
  // the identity key of the contact as merged, never of the new origin's parts mixed with the old ones
  const after = { ...existing, ...patch } as typeof existing;
  const identityHmac = identityHmacOf(ctx, after);
  if (identityHmac !== existing.identityHmac) patch.identityHmac = identityHmac;
  if (Object.keys(patch).length > 0) {
    await db
      .update(contacts)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(contacts.orgId, ctx.orgId), eq(contacts.id, existing.id)));
  }
  return {
    contactId: existing.id,
    merged: { emailHmac: after.emailHmac, phoneHmac: after.phoneHmac, identityHmac },
  };
}

/**
 * A person matching suppression records scoped to channels gets that objection back: one objection of
 * the records' channels united, dated by the earliest — unless the contact's own objections already say
 * as much. Returns whether it wrote one.
 */
async function restoreObjection(
  db: Db,
  orgId: string,
  contactId: string,
  records: SuppressionRecord[],
): Promise<boolean> {
  const scoped = records.filter((r) => !r.allChannels && r.channels.length > 0);
  if (scoped.length === 0) return false;
  const channels = channelOrder.filter((c) => scoped.some((r) => r.channels.includes(c)));
  const at = new Date(Math.min(...scoped.map((r) => r.at.getTime())));
  const own = await db
    .select({ allChannels: objections.allChannels, channels: objections.channels, at: objections.at })
    .from(objections)
    .where(and(eq(objections.orgId, orgId), eq(objections.contactId, contactId)));
  const ownChannels = new Set(own.flatMap((o) => o.channels));
  const ownSince = Math.min(...own.map((o) => o.at.getTime()));
  const covered =
    own.some((o) => o.allChannels) || (channels.every((c) => ownChannels.has(c)) && ownSince <= at.getTime());
  if (covered) return false;
  await db.insert(objections).values({ orgId, contactId, allChannels: false, channels, at });
  return true;
}
