import { type Db, elections, memberships, organisations, type Role, users } from "@isoloir/db";
import type { Org } from "./population";

/** An organisation with the 2026 municipal election (closed) and a member per role the purge needs. */
export async function benchOrg(
  db: Db,
  slug: string,
): Promise<Org & { members: Record<"planner" | "approver" | "runner" | "volunteer", string> }> {
  const [org] = await db
    .insert(organisations)
    .values({
      slug,
      name: `Bench ${slug}`,
      kind: "party",
      country: "FR",
      controllerName: slug,
      controllerEmail: `dpo@${slug}.example`,
    })
    .returning();
  if (!org) throw new Error("insert organisation returned nothing");
  const [election] = await db
    .insert(elections)
    .values({
      orgId: org.id,
      name: "Municipales 2026",
      type: "municipal",
      jurisdiction: "FR",
      rounds: ["2026-03-15", "2026-03-22"],
      resultsProclaimedAt: "2026-03-23",
    })
    .returning();
  const member = async (role: Role, name: string) => {
    const [user] = await db
      .insert(users)
      .values({ email: `${name}@${slug}.example`, name, passwordHash: "x" })
      .returning();
    if (!user) throw new Error("insert user returned nothing");
    await db.insert(memberships).values({ orgId: org.id, userId: user.id, role });
    return user.id;
  };
  return {
    id: org.id,
    electionId: election?.id ?? "",
    members: {
      planner: await member("compliance", "planner"),
      approver: await member("compliance", "approver"),
      runner: await member("admin", "runner"),
      volunteer: await member("volunteer", "volunteer"),
    },
  };
}
