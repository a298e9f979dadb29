#!/usr/bin/env node
// CI (.github/workflows/policy-diff.yml): runs `npx isoloir policy diff <base> <head>`, writes the
// markdown to a file (and to the job summary), and posts it on the pull request as one comment,
// updated in place on every push (found by its marker). `--dry-run` prints the comment instead.
//
//   node scripts/policy-diff-comment.mjs [--base <ref>] [--head <ref>] [--out <file>]
//                                        [--population <n>] [--dry-run]
//
// --base defaults to origin/$BASE_REF (or origin/$GITHUB_BASE_REF), --head to HEAD, --out to
// policy-diff.md. Posting needs `gh`, GH_TOKEN, GITHUB_REPOSITORY and PR_NUMBER (or the pull
// request in GITHUB_EVENT_PATH). ISOLOIR_BIN runs another isoloir entry with node (tests).
// Exits 0 when the diff ran (whether or not verdicts flip: the comment says), 1 when it could not.
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const MARKER = "<!-- isoloir-policy-diff -->";
/** GitHub refuses comments over 65,536 characters. */
export const LIMIT = 65_000;

const root = fileURLToPath(new URL("..", import.meta.url));
/** The CI environment (GitHub Actions sets the GITHUB_* variables; the workflow sets the others). */
const env = process.env;

function parseArgs(argv) {
  const options = { head: "HEAD", out: "policy-diff.md", dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === "--base") options.base = value();
    else if (arg === "--head") options.head = value();
    else if (arg === "--out") options.out = value();
    else if (arg === "--population") options.population = value();
    else if (arg === "--dry-run") options.dryRun = true;
    else fail(`unknown argument ${arg}`);
  }
  const baseRef = env.BASE_REF || env.GITHUB_BASE_REF;
  options.base ??= baseRef ? `origin/${baseRef}` : undefined;
  if (!options.base) fail("no base ref: pass --base <ref> or set BASE_REF");
  return options;
}

function fail(message) {
  process.stderr.write(`policy-diff-comment: ${message}\n`);
  process.exit(1);
}

function runDiff({ base, head, population }) {
  const args = ["policy", "diff", base, head, ...(population ? ["--population", population] : [])];
  const [command, ...prefix] = env.ISOLOIR_BIN ? ["node", env.ISOLOIR_BIN] : ["npx", "--no", "isoloir"];
  const run = spawnSync(command, [...prefix, ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return {
    code: run.status ?? 2,
    stdout: run.stdout ?? "",
    stderr: run.stderr ?? "",
    command: `isoloir ${args.join(" ")}`,
  };
}

/** Keeps a comment under GitHub's limit by shortening the rules section (the cases and population stay). */
export function fitComment(body, limit = LIMIT, rerun = "npx isoloir policy diff") {
  if (body.length <= limit) return body;
  const sections = body.split(/(?=^### )/m);
  const rules = sections.findIndex((s) => s.startsWith("### Rules"));
  const note = `\n_Cut short to fit a comment: run \`${rerun}\` for the whole report._\n\n`;
  if (rules === -1) return `${body.slice(0, limit - note.length)}${note}`;
  const budget = limit - (body.length - sections[rules].length) - note.length;
  const kept = sections[rules].slice(0, Math.max(0, budget));
  const cut = kept.lastIndexOf("\n#### ");
  sections[rules] = `${cut > 0 ? kept.slice(0, cut) : kept.split("\n")[0]}\n${note}`;
  const fitted = sections.join("");
  if (fitted.length <= limit) return fitted;
  // the rest alone is too long (thousands of flipped cases): cut at a line
  const head = fitted.slice(0, limit - note.length);
  return `${head.slice(0, head.lastIndexOf("\n"))}\n${note}`;
}

export function commentBody(diff, options) {
  if (diff.code === 0 || diff.code === 1) {
    return fitComment(
      `${MARKER}\n${diff.stdout.trim()}\n`,
      LIMIT,
      `npx isoloir policy diff ${options.base} ${options.head}`,
    );
  }
  return `${MARKER}\n## Policy diff could not run\n\n\`${diff.command}\` exited ${diff.code}:\n\n\`\`\`text\n${diff.stderr.trim().slice(0, 20_000)}\n\`\`\`\n`;
}

function pullRequestNumber() {
  if (env.PR_NUMBER) return env.PR_NUMBER;
  if (!env.GITHUB_EVENT_PATH) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
  return event.pull_request?.number?.toString();
}

function gh(args) {
  const run = spawnSync("gh", args, { cwd: root, encoding: "utf8" });
  if (run.error || run.status !== 0)
    throw new Error(`gh ${args.slice(0, 3).join(" ")} failed: ${run.error?.message ?? run.stderr.trim()}`);
  return run.stdout.trim();
}

/** Updates the pull request's policy-diff comment, or posts the first one. */
function post(file) {
  const repo = env.GITHUB_REPOSITORY;
  const pr = pullRequestNumber();
  if (!repo || !pr) throw new Error("set GITHUB_REPOSITORY and PR_NUMBER (or run with --dry-run)");
  const select = `.[] | select(.body | startswith("${MARKER}")) | .id`;
  const existing = gh(["api", "--paginate", `repos/${repo}/issues/${pr}/comments`, "--jq", select]).split(
    "\n",
  )[0];
  if (existing)
    gh(["api", "--method", "PATCH", `repos/${repo}/issues/comments/${existing}`, "-F", `body=@${file}`]);
  else gh(["api", "--method", "POST", `repos/${repo}/issues/${pr}/comments`, "-F", `body=@${file}`]);
  return existing ? `updated comment ${existing}` : "posted a comment";
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const diff = runDiff(options);
  const body = commentBody(diff, options);
  const out = resolve(process.cwd(), options.out);
  writeFileSync(out, body);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${body}\n`);
  if (options.dryRun) process.stdout.write(body);
  else {
    try {
      process.stdout.write(`policy-diff-comment: ${post(out)} on pull request ${pullRequestNumber()}\n`);
    } catch (error) {
      // e.g. a pull request from a fork, whose token may not comment: the job summary has the diff
      process.stdout.write(
        `::warning::could not comment on the pull request (${error.message}); the diff is in the job summary\n`,
      );
    }
  }
  if (diff.code !== 0 && diff.code !== 1) {
    process.stderr.write(diff.stderr);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
