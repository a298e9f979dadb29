import type { PurgePlanView } from "./types";

/** The wizard's steps, in order: reasons, review, approval, run, certificate. */
export const purgeSteps = ["reasons", "review", "approval", "run", "certificate"] as const;
export type PurgeStep = (typeof purgeSteps)[number];

/** The furthest step a plan in this state has reached (0-based). */
export function reachedStep(state: PurgePlanView["state"]): number {
  switch (state) {
    case "planned":
      return 2;
    case "approved":
    case "running":
    case "stopped":
      return 3;
    case "completed":
      return 4;
    default:
      return 1;
  }
}

/** The step a plan opens on: review while it waits for approval, then wherever it has got to. */
export function openingStep(state: PurgePlanView["state"]): number {
  return state === "planned" ? 1 : reachedStep(state);
}

export const planStateColour: Record<string, string> = {
  planned: "orange",
  approved: "indigo",
  running: "blue",
  completed: "teal",
  stopped: "red",
  expired: "gray",
};

/** Offers text as a file download, in the browser only. */
export function downloadText(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A 64-hex hash, shortened for reading (the full value sits in a tooltip or beside it). */
export const shortHash = (hash: string) =>
  hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-6)}` : hash;

export const percent = (done: number, total: number) =>
  total <= 0 ? 100 : Math.min(100, Math.round((done / total) * 100));
