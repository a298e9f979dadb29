/** Exit codes (docs/cli.md): 1 = done with findings, 2 = could not run. */
export const ExitCode = { ok: 0, findings: 1, failure: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: one sentence naming what is wrong and how to fix it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
  ) {
    super(message);
    this.name = "CliError";
  }
}
