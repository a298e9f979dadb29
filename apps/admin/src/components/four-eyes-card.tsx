import { describeError, useCan, useTRPC } from "@isoloir/ui";
import { Alert, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../lib/types";

/** Four-eyes purge approval: on by default; anyone managing settings may turn it on, only an owner off. */
export function FourEyesCard({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCan("manageOrgSettings");
  const canTurnOff = useCan("turnOffFourEyes");
  const set = useMutation(
    trpc.organisation.setFourEyes.mutationOptions({
      onSuccess: async (_row, input) => {
        notifications.show({
          message: input.enabled ? t("organisation.fourEyesOn") : t("organisation.fourEyesOff"),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.organisation.get.queryKey() });
      },
    }),
  );
  const on = org.fourEyesPurgeApproval;
  const locked = !canEdit || (on && !canTurnOff);
  return (
    <Paper>
      <Stack gap="sm">
        <Title order={4}>{t("organisation.fourEyes")}</Title>
        <Text size="sm" c="dimmed">
          {t("organisation.fourEyesHint")}
        </Text>
        <Switch
          size="md"
          label={t("organisation.fourEyesLabel")}
          checked={on}
          disabled={locked || set.isPending}
          onChange={(e) => set.mutate({ enabled: e.currentTarget.checked })}
        />
        <Text size="sm" c={on && !canTurnOff ? "orange.8" : "dimmed"} data-testid="four-eyes-note">
          {t("organisation.fourEyesOwnerOnly")}
        </Text>
        {set.error && (
          <Alert color="red" role="alert">
            {describeError(t, set.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
