import { type Db, memberships, organisations, type Role, roles, users } from "@isoloir/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { AccountError } from "./errors";
import { hashPassword, oneTimePassword } from "./passwords";

export const NewUser = z
  .object({
    email: z.email().transform((e) => e.trim().toLowerCase()),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(10).max(200),
    locale: z.enum(["fr", "en"]).default("fr"),
    platformOperator: z.boolean().default(false),
    mustChangePassword: z.boolean().default(false),
  })
  .strict();
export type NewUser = z.input<typeof NewUser>;

export async function createUser(db: Db, input: NewUser) {
  const user = NewUser.parse(input);
  const { password, ...rest } = user;
  const [row] = await db
    .insert(users)
    .values({ ...rest, passwordHash: await hashPassword(password) })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new AccountError("conflict", `an account already exists for ${user.email}`);
  return row;
}

export const NewMember = z
  .object({
    email: z.email().transform((e) => e.trim().toLowerCase()),
    name: z.string().trim().min(1).max(200),
    role: z.enum(roles),
  })
  .strict();
export type NewMember = z.input<typeof NewMember>;

/** Who added a member and granted their role, and when: what four eyes reads (`barredByFourEyes`). */
export interface Grant {
  /** the member who adds (and grants the role); null for a bootstrap with nobody to name (seed, tests) */
  grantedBy?: string | null;
  grantedAt?: Date;
}

/**
 * Adds a member directly: creates their account with a one-time password (returned once, never stored
 * in clear), or attaches an existing account. For bootstrap only — the demo seed, tests, an installation's
 * first owner: nobody can consent here. Through the API a member is invited (`inviteMember`), and an
 * existing account joins only by accepting in its own session.
 */
export async function addMember(db: Db, orgId: string, input: NewMember, grant: Grant = {}) {
  const member = NewMember.parse(input);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, member.email));
    const password = existing ? undefined : oneTimePassword();
    const user =
      existing ??
      (await createUser(tx, {
        email: member.email,
        name: member.name,
        password: password ?? "",
        mustChangePassword: true,
      }));
    const [row] = await tx
      .insert(memberships)
      .values({
        orgId,
        userId: user.id,
        role: member.role,
        addedBy: grant.grantedBy ?? null,
        roleGrantedBy: grant.grantedBy ?? null,
        roleGrantedAt: grant.grantedAt ?? new Date(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AccountError("conflict", `${member.email} is already a member`);
    return { userId: user.id, email: user.email, role: member.role, oneTimePassword: password };
  });
}

export async function listMembers(db: Db, orgId: string) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
}

async function assertNotLastOwner(db: Db, orgId: string, userId: string) {
  const owners = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "owner")));
  if (owners.length === 1 && owners[0]?.userId === userId) {
    throw new AccountError("last_owner", "an organisation keeps at least one owner");
  }
}

/**
 * Changes a member's role. A change is a new grant: `grantedBy` and now are recorded, and four eyes
 * counts the compliance role's cooling-off from then. Setting the role a member already has changes
 * nothing (`changed: false`).
 */
export async function changeRole(
  db: Db,
  orgId: string,
  userId: string,
  role: Role,
  grantedBy: string | null = null,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    if (role !== "owner") await assertNotLastOwner(tx, orgId, userId);
    const [current] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .for("update");
    if (!current) throw new AccountError("not_found", "member not found");
    if (current.role === role) return { ...current, changed: false };
    const [row] = await tx
      .update(memberships)
      .set({ role, roleGrantedBy: grantedBy, roleGrantedAt: now })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .returning();
    if (!row) throw new AccountError("not_found", "member not found");
    return { ...row, changed: true };
  });
}

export async function removeMember(db: Db, orgId: string, userId: string) {
  return db.transaction(async (tx) => {
    await assertNotLastOwner(tx, orgId, userId);
    const [row] = await tx
      .delete(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .returning();
    if (!row) throw new AccountError("not_found", "member not found");
    // their sessions lose this organisation (they keep their other ones, to switch to)
    // through the database's narrow function: the tenant role holds no privilege on sessions
    await tx.execute(sql`select unbind_member_sessions(${userId}::uuid, ${orgId}::uuid)`);
    return row;
  });
}

/** The organisations a user belongs to, with the role in each. */
export async function membershipsOf(db: Db, userId: string) {
  return db
    .select({
      orgId: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}
