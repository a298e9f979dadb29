import { Box, Center, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ErrorAlert, Loading } from "../components/query-state";
import { Forbidden } from "../components/status-pages";
import type { Capability } from "../lib/trpc";
import { LanguageSwitch } from "../shell/language-switch";
import { ChangePasswordForm } from "./change-password-form";
import { signInPath } from "./safe-next";
import { SessionProvider, useCan, useMe } from "./session";

/** Sends a signed-out visitor to sign-in (and back afterwards); forces a password change when due. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading minHeight="100vh" />;
  if (me.error) {
    return (
      <Box p="xl">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Box>
    );
  }
  if (!me.data) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  return (
    <SessionProvider value={me.data}>
      {me.data.user.mustChangePassword ? <ForcedPasswordChange /> : children}
    </SessionProvider>
  );
}

/** Renders its children only when the member's role has the capability; otherwise says so. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  return useCan(capability) ? children : <Forbidden />;
}

function ForcedPasswordChange() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" p="md">
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mih="80vh">
        <Paper w="100%" maw={460} shadow="sm" p="xl">
          <Stack gap="md">
            <Title order={2}>{t("auth.mustChangeTitle")}</Title>
            <Text c="dimmed" size="sm">
              {t("auth.mustChangeBody")}
            </Text>
            <ChangePasswordForm />
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
