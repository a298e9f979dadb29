import { type Db, memberships, organisations, type Role, roles, sessions, users } from "@isoloir/db";
import { and, asc, eq } from "drizzle-orm";
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

/**
 * Adds a member: creates their account with a one-time password (returned once, never stored in clear),
 * or attaches an existing account to the organisation.
 */
export async function addMember(db: Db, orgId: string, input: NewMember) {
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
      .values({ orgId, userId: user.id, role: member.role })
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

export async function changeRole(db: Db, orgId: string, userId: string, role: Role) {
  return db.transaction(async (tx) => {
    if (role !== "owner") await assertNotLastOwner(tx, orgId, userId);
    const [row] = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .returning();
    if (!row) throw new AccountError("not_found", "member not found");
    return row;
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
    await tx
      .update(sessions)
      .set({ orgId: null })
      .where(and(eq(sessions.userId, userId), eq(sessions.orgId, orgId)));
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
