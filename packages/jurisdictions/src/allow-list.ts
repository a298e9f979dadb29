import { appendAudit } from "@isoloir/audit";
import { type Db, type Provider, providerAllowList, providers } from "@isoloir/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { SwitchActor } from "./switches";

export const AllowListChange = z.object({ provider: z.enum(providers), allowed: z.boolean() }).strict();
export type AllowListChange = z.infer<typeof AllowListChange>;

/** Every provider with whether the organisation allows it; a provider without a row is not allowed. */
export async function providerAllowListOf(
  db: Db,
  orgId: string,
): Promise<{ provider: Provider; allowed: boolean }[]> {
  const rows = await db.select().from(providerAllowList).where(eq(providerAllowList.orgId, orgId));
  return providers.map((provider) => ({
    provider,
    allowed: rows.find((r) => r.provider === provider)?.allowed ?? false,
  }));
}

export async function setProviderAllowed(db: Db, actor: SwitchActor, input: AllowListChange) {
  const change = AllowListChange.parse(input);
  return db.transaction(async (tx) => {
    const values = {
      orgId: actor.orgId,
      provider: change.provider,
      allowed: change.allowed,
      changedBy: actor.userId,
      changedAt: new Date(),
    };
    await tx
      .insert(providerAllowList)
      .values(values)
      .onConflictDoUpdate({ target: [providerAllowList.orgId, providerAllowList.provider], set: values });
    await appendAudit(tx, {
      orgId: actor.orgId,
      action: change.allowed ? "provider.allowed" : "provider.disallowed",
      actor: actor.pseudonym,
      details: { provider: change.provider },
    });
    return values;
  });
}
