// The crash-resume child: runs (or resumes) one approved plan and, when asked, stops dead at a batch
// boundary or in the middle of a batch and waits there for the parent's SIGKILL. Run with
//   node --import tsx src/testing/crash-child.ts '<json args>'
// args: { url?: postgres URL | dataDir?: PGlite directory, orgId, userId, planId, batchSize,
//         hmacKey, stopAt?: { point: "mid" | "boundary", batch: number } }
import { openDatabase, requireSigningKey } from "@isoloir/db";
import { runPurge } from "../run";

interface ChildArgs {
  url?: string;
  dataDir?: string;
  orgId: string;
  userId: string;
  planId: string;
  batchSize: number;
  hmacKey: string;
  now: string;
  stopAt?: { point: "mid" | "boundary"; batch: number };
}

const args = JSON.parse(process.argv[2] ?? "{}") as ChildArgs;
const say = (line: string) => process.stdout.write(`${line}\n`);
/** Blocks here until the parent kills us; if it never does, exits with a distinct code. */
const waitForKill = async () => {
  await new Promise((r) => setTimeout(r, 120_000));
  process.exit(9);
};

// the parent migrated the database: a child only opens it (and takes over a dead child's embedded lock)
const database = await openDatabase({
  databaseUrl: args.url,
  dataDir: args.dataDir ?? "",
  holder: "purge crash child",
  migrate: false,
});
say("READY");
const at = async (point: "mid" | "boundary", batch: number) => {
  if (args.stopAt?.point === point && args.stopAt.batch === batch) {
    say(`POINT ${point} ${batch}`);
    await waitForKill();
  }
};
const outcome = await runPurge(
  database.db,
  {
    orgId: args.orgId,
    userId: args.userId,
    hmacKey: args.hmacKey,
    signingKey: requireSigningKey(database.keys),
  },
  { planId: args.planId, batchSize: args.batchSize, now: new Date(args.now) },
  { afterDeletes: (batch) => at("mid", batch), afterCommit: (batch) => at("boundary", batch) },
);
say(`DONE ${outcome.run.state} ${outcome.run.batches} ${outcome.certificate ? "certified" : "uncertified"}`);
await database.close();
