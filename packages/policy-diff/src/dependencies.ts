import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { PolicyDiffError } from "./git";

/**
 * Gives a worktree its dependencies. When its lockfile equals the current one, the current
 * node_modules is reused entry by entry — except the workspace links, which must point into the
 * worktree so that the ref's own engine and rules are the ones loaded. Otherwise `npm ci`.
 */
export function installDependencies(
  worktree: string,
  currentRoot: string,
  sameLockfile: boolean,
): "linked" | "installed" {
  if (sameLockfile && existsSync(join(currentRoot, "node_modules"))) {
    linkNodeModules(worktree, currentRoot);
    return "linked";
  }
  try {
    execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: worktree,
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    throw new PolicyDiffError(`npm ci failed: ${npmErrorSummary(stderr) || (error as Error).message}`);
  }
  return "installed";
}

/** What npm said went wrong: its first two paragraphs of error lines (not the usage text or log path). */
export function npmErrorSummary(stderr: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of stderr.split("\n")) {
    if (!/^npm (error|ERR!)/.test(line)) continue;
    const text = line.replace(/^npm (error|ERR!)/, "").trim();
    if (/^(code|syscall|errno|A complete log)\b/.test(text)) continue;
    const current = paragraphs[paragraphs.length - 1] as string[];
    if (text !== "") current.push(text);
    else if (current.length > 0) paragraphs.push([]);
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .slice(0, 2)
    .flatMap((p) => p.slice(0, 4))
    .join(" ");
}

function linkNodeModules(worktree: string, currentRoot: string): void {
  const source = join(currentRoot, "node_modules");
  const target = join(worktree, "node_modules");
  mkdirSync(target, { recursive: true });
  const workspaces = workspacePackages(worktree);
  const scopes = new Set([...workspaces.keys()].map((name) => name.split("/")[0] ?? ""));
  for (const entry of readdirSync(source)) {
    if (scopes.has(entry)) continue;
    symlinkSync(join(source, entry), join(target, entry));
  }
  for (const scope of scopes) {
    for (const entry of readdirSync(join(source, scope))) {
      const name = `${scope}/${entry}`;
      mkdirSync(join(target, scope), { recursive: true });
      if (!workspaces.has(name)) symlinkSync(join(source, scope, entry), join(target, scope, entry));
    }
  }
  for (const [name, dir] of workspaces) {
    mkdirSync(join(target, name.split("/")[0] ?? ""), { recursive: true });
    if (!existsSync(join(target, name))) symlinkSync(dir, join(target, name));
    const nested = join(currentRoot, dir.slice(worktree.length), "node_modules");
    if (existsSync(nested) && !existsSync(join(dir, "node_modules")))
      symlinkSync(nested, join(dir, "node_modules"));
  }
}

/** name → absolute folder of every workspace package of the worktree (one level of globs, as npm). */
function workspacePackages(root: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { workspaces?: string[] };
  const found = new Map<string, string>();
  for (const pattern of manifest.workspaces ?? []) {
    const dirs = pattern.endsWith("/*") ? listDirs(join(root, pattern.slice(0, -2))) : [join(root, pattern)];
    for (const dir of dirs) {
      const pkg = join(dir, "package.json");
      if (existsSync(pkg)) found.set((JSON.parse(readFileSync(pkg, "utf8")) as { name: string }).name, dir);
    }
  }
  return found;
}

function listDirs(parent: string): string[] {
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(parent, d.name));
}
