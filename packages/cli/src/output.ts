export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

/** Prints either the human text or the JSON object: with --json nothing else reaches stdout. */
export function emit(opts: OutputOptions, human: () => string, json: () => unknown): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(json())}\n`);
  else process.stdout.write(`${human()}\n`);
}

/** Progress only when stderr is a terminal and not --quiet/--json. */
export function showsProgress(opts: OutputOptions): boolean {
  return Boolean(process.stderr.isTTY) && !opts.quiet && !opts.json;
}

/** A help text's "Example:" block, one `$ command` per line (for commander's addHelpText). */
export const example = (...lines: string[]): string =>
  `\nExample:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;
