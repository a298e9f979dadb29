import { Alert, Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { PasswordField } from "../components/password-field";
import { describeError, errorCode } from "../lib/errors";
import { useTRPC } from "../lib/trpc";

/** Current password, new one twice (at least 10 characters, as the server requires). */
export function ChangePasswordForm({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [tried, setTried] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("auth.passwordChanged") });
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        onDone?.();
      },
    }),
  );
  const tooShort = next.length < 10;
  const mismatch = next !== confirm;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!current || tooShort || mismatch) return;
    change.mutate({ current, next });
  };
  const failure = change.error
    ? errorCode(change.error) === "UNAUTHORIZED"
      ? t("auth.currentWrong")
      : describeError(t, change.error)
    : null;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <PasswordField
          label={t("auth.currentPassword")}
          autoComplete="current-password"
          required
          value={current}
          error={tried && !current ? t("auth.passwordRequired") : undefined}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordField
          label={t("auth.newPassword")}
          description={t("auth.tooShort")}
          autoComplete="new-password"
          required
          value={next}
          error={tried && tooShort ? t("auth.tooShort") : undefined}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <PasswordField
          label={t("auth.confirmPassword")}
          autoComplete="new-password"
          required
          value={confirm}
          error={tried && mismatch ? t("auth.mismatch") : undefined}
          onChange={(e) => setConfirm(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          )}
          <Button type="submit" loading={change.isPending}>
            {t("auth.changeSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
