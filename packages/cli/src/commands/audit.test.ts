import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendAudit } from "@isoloir/audit";
import { openDatabase, rows } from "@isoloir/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../paths";

// `isoloir audit anchor` and `isoloir audit verify --anchor` on a fresh embedded database of their own.

const bin = join(repoRoot, "packages/cli/bin/isoloir.js");
const temp = mkdtempSync(join(tmpdir(), "isoloir-audit-cli-"));
const dataDir = join(temp, "pglite");
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function isoloir(...args: string[]) {
  const run = spawnSync("node", [bin, ...args], {
    cwd: temp,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ISOLOIR_DATA_DIR: dataDir },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Opens the embedded database in this process (the CLI has exited) and runs `fn`. */
async function withEmbedded(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<unknown>) {
  const database = await openDatabase({ dataDir, holder: "audit cli test" });
  try {
    await fn(database.db);
  } finally {
    await database.close();
  }
}

describe("isoloir audit", { timeout: 300_000 }, () => {
  it("anchors every chain, verifies against the anchor, and names the organisation and entry a truncation removed", async () => {
    expect(isoloir("migrate").code).toBe(0);
    let orgId = "";
    await withEmbedded(async (db) => {
      const [org] = await rows<{ id: string }>(
        db,
        sql`insert into organisations (slug, name, kind, country, controller_name, controller_email)
            values ('anchored', 'Anchored', 'party', 'FR', 'Anchored', 'dpo@anchored.example') returning id`,
      );
      orgId = org?.id ?? "";
      for (let i = 0; i < 5; i++) await appendAudit(db, { orgId, action: "test.event", actor: "user:a" });
    });

    const anchored = isoloir("audit", "anchor", "--out", "anchor.json");
    expect(anchored.code, anchored.stderr).toBe(0);
    const anchor = JSON.parse(readFileSync(join(temp, "anchor.json"), "utf8")) as {
      body: { heads: { orgId: string; slug: string; seq: number }[] };
    };
    expect(anchor.body.heads).toEqual([expect.objectContaining({ orgId, slug: "anchored", seq: 5 })]);
    const printed = isoloir("audit", "anchor");
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toMatchObject({ body: { kind: "isoloir.audit-anchor" } });

    await withEmbedded((db) => appendAudit(db, { orgId, action: "test.later", actor: "user:a" }));
    const fine = isoloir("audit", "verify", "--anchor", "anchor.json");
    expect(fine.code, fine.stdout + fine.stderr).toBe(0);
    expect(fine.stdout).toContain("✓ anchored: 6 entries verified");

    // truncation before the anchor, by someone who switched the triggers off and fixed the head
    await withEmbedded((db) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where org_id = ${orgId}::uuid and seq >= 4`);
        await tx.execute(
          sql`update audit_heads h set seq = 3, hash = l.hash from audit_log l
              where h.org_id = ${orgId}::uuid and l.org_id = h.org_id and l.seq = 3`,
        );
      }),
    );
    expect(isoloir("audit", "verify").code).toBe(0);
    const caught = isoloir("audit", "verify", "--anchor", "anchor.json");
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain("✗ anchored: the log no longer extends its anchor at entry 5");
    const json = isoloir("--json", "audit", "verify", "--anchor", "anchor.json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      anchors: { findings: [{ orgId, slug: "anchored", seq: 5, reason: "anchored_entry_missing" }] },
    });
    expect(isoloir("audit", "verify", "--anchor", "missing.json").code).toBe(2);
  });
});
