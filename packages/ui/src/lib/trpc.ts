import type { AppRouter } from "@isoloir/api";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/** Both apps talk to the same router through these hooks. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Me = NonNullable<RouterOutputs["auth"]["me"]>;
export type Capability = Me["capabilities"][number];

export const csrfHeader = "x-isoloir-csrf";

// The session's CSRF token, taken from auth.me. Before sign-in the server wants any non-empty value.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Calls the server refuses to batch with others (each checks a password): sent alone, never batched. */
const unbatched = new Set(["auth.signIn", "auth.changePassword"]);

/** At most this many calls in one batched request: the server refuses bigger batches. */
export const maxBatchSize = 20;

/** A tRPC client on `/trpc` (same origin: the server serves the apps and the API on one port). */
export function createApiClient(url = "/trpc") {
  const headers = () => ({ [csrfHeader]: csrfToken ?? "1" });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => unbatched.has(op.path),
        true: httpLink({ url, headers }),
        false: httpBatchLink({ url, headers, maxItems: maxBatchSize }),
      }),
    ],
  });
}
