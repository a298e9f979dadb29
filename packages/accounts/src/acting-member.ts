import { type Db, memberships, organisations, type Role, users } from "@isoloir/db";
import { and, eq, sql } from "drizzle-orm";
import { type Capability, can } from "./capabilities";
import { AccountError } from "./errors";

export interface ActingMember {
  userId: string;
  email: string;
  role: Role;
  org: typeof organisations.$inferSelect;
}

/**
 * The member a command acts as (`--as <email>`): the user's membership, in the organisation named by
 * slug when the user belongs to several. Refuses a role without the capability the command needs.
 */
export async function actingMember(
  db: Db,
  email: string,
  capability: Capability,
  orgSlug?: string,
): Promise<ActingMember> {
  const rows = await db
    .select({ userId: users.id, email: users.email, role: memberships.role, org: organisations })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(
      and(
        sql`lower(${users.email}) = lower(${email.trim()})`,
        orgSlug ? eq(organisations.slug, orgSlug) : undefined,
      ),
    );
  if (rows.length === 0)
    throw new AccountError(
      "not_found",
      `--as: no member with the email ${email}${orgSlug ? ` in ${orgSlug}` : ""}`,
    );
  if (rows.length > 1)
    throw new AccountError(
      "conflict",
      `--as: ${email} belongs to several organisations; name one with --org <slug>`,
    );
  const [member] = rows as [ActingMember];
  if (!can(member.role, capability)) {
    throw new AccountError(
      "forbidden",
      `--as: the role ${member.role} may not do this (it needs ${capability})`,
    );
  }
  return member;
}
