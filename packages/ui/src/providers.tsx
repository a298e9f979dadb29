import type { AppRouter } from "@isoloir/api";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { i18n as I18n } from "i18next";
import { type ReactNode, useState } from "react";
import { I18nextProvider } from "react-i18next";
import { errorCode } from "./lib/errors";
import { createApiClient, TRPCProvider } from "./lib/trpc";
import { theme } from "./theme";

/** A query client that never retries a refusal (4xx) and notices an expired session. */
function createClients() {
  const trpcClient = createApiClient();
  const queryClient: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 15_000,
        retry: (failures, error) => {
          const code = errorCode(error);
          return (code === "INTERNAL" || code === "NETWORK") && failures < 2;
        },
      },
    },
    queryCache: new QueryCache({
      onError: (error) => {
        // a session that expired under an open page: re-ask who is signed in, and the guard takes over
        if (errorCode(error) === "UNAUTHORIZED")
          void queryClient.invalidateQueries({ queryKey: me.queryKey() });
      },
    }),
  });
  const me = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient }).auth.me;
  return { trpcClient, queryClient };
}

/** Everything a page needs around it: i18n, Mantine, notifications, React Query and tRPC. */
export function IsoloirProviders({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  const [{ trpcClient, queryClient }] = useState(createClients);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            {children}
          </TRPCProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
