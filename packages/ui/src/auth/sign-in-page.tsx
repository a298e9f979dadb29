import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { PasswordField } from "../components/password-field";
import { Loading } from "../components/query-state";
import { describeError, errorCode, retryAfterSeconds } from "../lib/errors";
import { useTRPC } from "../lib/trpc";
import { LanguageSwitch } from "../shell/language-switch";
import { safeNext } from "./safe-next";
import { useMe, useResetSession } from "./session";

function signInError(t: ReturnType<typeof useTranslation>["t"], error: unknown): string {
  const code = errorCode(error);
  if (code === "UNAUTHORIZED" || code === "BAD_REQUEST") return t("auth.wrongCredentials");
  if (code === "TOO_MANY_REQUESTS") {
    const seconds = retryAfterSeconds(error);
    return seconds ? t("auth.throttled", { seconds }) : t("auth.throttledLater");
  }
  return describeError(t, error);
}

/** Email + password. On success, back to where the visitor was going (`?next=`). */
export function SignInPage({ appLabel }: { appLabel: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const resetSession = useResetSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        await resetSession.signedIn();
        navigate(next, { replace: true });
      },
    }),
  );

  if (me.isPending) return <Loading minHeight="100vh" />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      email: email.trim() ? undefined : t("auth.emailRequired"),
      password: password ? undefined : t("auth.passwordRequired"),
    };
    setMissing(problems);
    if (problems.email || problems.password) return;
    signIn.mutate({ email: email.trim(), password });
  };

  return (
    <Box mih="100vh" p="md">
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center mih="80vh">
        <Paper w="100%" maw={420} shadow="sm" p="xl">
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Stack gap={2}>
                <Text fw={700} c="indigo" size="sm" tt="uppercase" lts={1}>
                  {t("brand")} · {appLabel}
                </Text>
                <Title order={2}>{t("auth.signInTitle")}</Title>
                <Text c="dimmed" size="sm">
                  {t("auth.signInSubtitle")}
                </Text>
              </Stack>
              {signIn.error && (
                <Alert color="red" role="alert" data-testid="sign-in-error">
                  {signInError(t, signIn.error)}
                </Alert>
              )}
              <TextInput
                label={t("auth.email")}
                type="email"
                autoComplete="username"
                required
                value={email}
                error={missing.email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordField
                label={t("auth.password")}
                autoComplete="current-password"
                required
                value={password}
                error={missing.password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                {t("auth.submit")}
              </Button>
              <Text size="xs" c="dimmed" ta="center">
                {t("auth.privacyNote")}{" "}
                <Anchor href="https://www.cnil.fr/" target="_blank" rel="noreferrer" size="xs">
                  cnil.fr
                </Anchor>
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
