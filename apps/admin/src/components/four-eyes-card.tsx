import { describeError, useCan, useTRPC } from "@isoloir/ui";
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation } from "../lib/types";

/**
 * Four-eyes purge approval: on by default; anyone managing settings may turn it on, only an owner off.
 * The cooling-off (hours an approver must have held the Compliance role before a plan) is an owner's.
 */
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
  const [hours, setHours] = useState<number | string>(org.fourEyesCoolingOffHours);
  const setCoolingOff = useMutation(
    trpc.organisation.setFourEyesCoolingOff.mutationOptions({
      onSuccess: async (saved) => {
        notifications.show({ message: t("organisation.coolingOffSaved", { hours: saved.hours }) });
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
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={t("organisation.coolingOff")}
            description={t("organisation.coolingOffHint")}
            min={0}
            max={720}
            allowDecimal={false}
            value={hours}
            onChange={setHours}
            disabled={!canTurnOff}
            data-testid="cooling-off"
            w={260}
          />
          {canTurnOff && (
            <Button
              variant="light"
              loading={setCoolingOff.isPending}
              disabled={typeof hours !== "number" || hours === org.fourEyesCoolingOffHours}
              onClick={() => typeof hours === "number" && setCoolingOff.mutate({ hours })}
            >
              {t("common.save")}
            </Button>
          )}
        </Group>
        {setCoolingOff.error && (
          <Alert color="red" role="alert">
            {describeError(t, setCoolingOff.error)}
          </Alert>
        )}
        {set.error && (
          <Alert color="red" role="alert">
            {describeError(t, set.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
