import type { Certificate } from "./certificate";
import { type ReasonKey, reasonKeys, reasons } from "./reasons";

const escapeHtml = (text: unknown): string =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

const row = (cells: unknown[], head = false) =>
  `<tr>${cells.map((c) => (head ? `<th>${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`;

const table = (head: string[], body: unknown[][]) =>
  `<table>${row(head, true)}${body.map((r) => row(r)).join("")}</table>`;

const labelOf = (reason: string) =>
  (reasonKeys as readonly string[]).includes(reason) ? reasons[reason as ReasonKey].label : reason;

function tables(body: Certificate["body"]) {
  const counts = body.counts;
  const people = table(
    ["role", "member (pseudonym)", "when"],
    [
      ["planned", body.plan.plannedBy, body.plan.plannedAt],
      ["approved", body.plan.approvedBy, body.plan.approvedAt],
      ["ran", body.run.runBy, `${body.run.startedAt} → ${body.run.finishedAt}`],
    ],
  );
  const byReason = table(
    ["reason", "planned", "deleted", "already gone"],
    Object.entries(counts.byReason).map(([r, n]) => [
      `${labelOf(r)} (${r})`,
      n.planned,
      n.deleted,
      n.alreadyGone,
    ]),
  );
  const byRule = table(["rule id", "targets"], Object.entries(counts.byRule));
  const byTable = table(["table", "rows deleted"], Object.entries(counts.byTable));
  return { people, byReason, byRule, byTable };
}

/** The certificate as a page a person can read and print. It holds what the JSON holds: no personal data. */
export function certificatePage(c: Certificate): string {
  const { body } = c;
  const counts = body.counts;
  const { people, byReason, byRule, byTable } = tables(body);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Purge certificate ${escapeHtml(body.plan.id)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}
th{background:#f3f3f3}code{font-size:13px;word-break:break-all}</style></head><body>
<h1>Purge certificate</h1>
<p>${escapeHtml(body.organisation.name)} (${escapeHtml(body.organisation.country)}) purged ${escapeHtml(counts.deleted)} targets
(${escapeHtml(counts.alreadyGone)} already gone; ${escapeHtml(counts.planned)} planned) under policy set
<code>${escapeHtml(body.plan.policyVersion)}</code>, as of ${escapeHtml(body.plan.asOf)}.
${escapeHtml(counts.needsHuman)} rows needed a human and were not deleted.</p>
<h2>Who and when</h2>${people}
<h2>Counts per reason</h2>${byReason}
<h2>Counts per rule id</h2>${byRule}
<h2>Counts per table</h2>${byTable}
<p>Contacts kept with fields blanked: ${escapeHtml(counts.contactsEdited)}. Suppression records written (objections only):
${escapeHtml(counts.suppressions)}. Edits of pending enrichment jobs (a job edited by two batches counts twice): ${escapeHtml(counts.queuedJobs)}.</p>
<h2>Proof</h2>
<p>Plan <code>${escapeHtml(body.plan.id)}</code>, hash <code>${escapeHtml(body.plan.hash)}</code>.<br>
Audit log entries ${escapeHtml(body.audit.runStarted.seq)}–${escapeHtml(body.audit.runCompleted.seq)} (${escapeHtml(body.audit.batches.length)} batches), erasure digest
<code>${escapeHtml(body.audit.erasureDigest)}</code>.<br>
Ed25519 signature by key <code>${escapeHtml(c.keyFingerprint)}</code>:<br><code>${escapeHtml(c.signature)}</code></p>
<p>Check it with <code>isoloir purge verify &lt;certificate.json&gt;</code>. Issued ${escapeHtml(body.issuedAt)}.</p>
</body></html>
`;
}
