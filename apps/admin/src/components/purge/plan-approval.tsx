import { ErrorAlert, useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { shortHash } from "../../lib/purge";
import type { PurgePlanView } from "../../lib/types";

/** Step 3: an eligible compliance member approves the hash they reviewed; anyone else sees who may, and why not them. */
export function PlanApproval({
  plan,
  role,
  onApproved,
}: {
  plan: PurgePlanView;
  role: string;
  onApproved: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const label = useVocabLabel();
  const queryClient = useQueryClient();
  const [confirmed, setConfirmed] = useState(false);
  const approve = useMutation(
    trpc.purge.approve.mutationOptions({
      onSuccess: async () => {
        notifications.show({ message: t("purges.approval.approved") });
        await queryClient.invalidateQueries({ queryKey: trpc.purge.pathKey() });
        onApproved();
      },
    }),
  );
  const { approval } = plan;
  const names = approval.approvers
    .map((a) => (a.you ? `${a.name} (${t("purges.review.you")})` : a.name))
    .join(", ");
  return (
    <Paper data-testid="plan-approval">
      <Stack gap="md">
        <Title order={4}>{t("purges.approval.title")}</Title>
        <Alert color={approval.fourEyes ? "indigo" : "orange"} variant="light" data-testid="four-eyes-rule">
          {approval.fourEyes
            ? t("purges.approval.fourEyesOn", { hours: approval.coolingOffHours })
            : t("purges.approval.fourEyesOff")}
        </Alert>
        {plan.approvedBy ? (
          <Text data-testid="approved-by">
            {t("purges.approval.approvedBy", {
              who: `${plan.approvedBy.pseudonym}${plan.approvedBy.you ? ` (${t("purges.review.you")})` : ""}`,
              at: format.dateTime(plan.approvedAt),
            })}
          </Text>
        ) : (
          <Text size="sm" data-testid="approvers">
            {names ? t("purges.approval.approvers", { names }) : t("purges.approval.noApprover")}
          </Text>
        )}
        {approval.blocked && approval.blocked !== "not_waiting" && (
          <Alert color="gray" role="note" data-testid="cannot-approve">
            {t(`purges.approval.why.${approval.blocked}`, {
              role: label("role", role),
              hours: approval.coolingOffHours,
            })}
          </Alert>
        )}
        {approval.mayApprove && (
          <Stack gap="sm">
            <Checkbox
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              label={t("purges.approval.confirm", { hash: shortHash(plan.planHash) })}
              data-testid="approve-confirm"
            />
            {approve.error && <ErrorAlert error={approve.error} />}
            <Group>
              <Button
                disabled={!confirmed}
                loading={approve.isPending}
                onClick={() => approve.mutate({ planId: plan.planId, planHash: plan.planHash })}
              >
                {t("purges.approval.approve")}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
