export const switchErrorCodes = ["justification_required", "cnil_confirmation_required"] as const;
export type SwitchErrorCode = (typeof switchErrorCodes)[number];

export class SwitchError extends Error {
  constructor(
    readonly code: SwitchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SwitchError";
  }
}
