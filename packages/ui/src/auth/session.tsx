import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { type Capability, type Me, setCsrfToken, useTRPC } from "../lib/trpc";

/** Who is signed in (null when nobody is). Keeps the CSRF token of the session for mutations. */
export function useMe() {
  const trpc = useTRPC();
  const query = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  if (query.data !== undefined) setCsrfToken(query.data?.csrfToken ?? null);
  return query;
}

/** After sign-in or sign-out: forget what was cached for the previous user, and learn who is signed in now. */
export function useResetSession() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meKey = trpc.auth.me.queryKey();
  const forgetOthers = () => {
    const isMe = (key: readonly unknown[]) => JSON.stringify(key) === JSON.stringify(meKey);
    queryClient.removeQueries({ predicate: (query) => !isMe(query.queryKey) });
  };
  return {
    /** synchronous, so the caller's navigate() lands in the same render as "nobody is signed in" */
    signedOut: () => {
      setCsrfToken(null);
      queryClient.setQueryData(meKey, null);
      forgetOthers();
    },
    signedIn: async () => {
      await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
      forgetOthers();
    },
  };
}

const SessionContext = createContext<Me | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The signed-in session; only inside <RequireAuth>. */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession() outside <RequireAuth>");
  return me;
}

/** Whether the signed-in member's role has a capability (names from @isoloir/accounts). */
export function useCan(capability: Capability): boolean {
  return useSession().capabilities.includes(capability);
}
