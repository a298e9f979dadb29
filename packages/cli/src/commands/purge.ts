import type { Command } from "commander";
import { registerApprove, registerPlan, registerShow } from "./purge/plan";
import { registerCertificate, registerRun } from "./purge/run";
import { registerSettings } from "./purge/settings";
import { registerVerify } from "./purge/verify";

// `isoloir purge …`: plan → approve → run → certificate, over @isoloir/purge (invariant 7).

export function registerPurge(program: Command): void {
  const purge = program
    .command("purge")
    .description(
      "purge data the rules say must go: plan, approve (four eyes), run in resumable batches, verify the certificate",
    );
  registerPlan(purge);
  registerApprove(purge);
  registerRun(purge);
  registerCertificate(purge);
  registerVerify(purge);
  registerShow(purge);
  registerSettings(purge);
}
