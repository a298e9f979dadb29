import { PageHeader, QueryState, useSession, useTRPC } from "@isoloir/ui";
import { Alert, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { CertificateView } from "../components/purge/certificate-view";
import { PlanApproval } from "../components/purge/plan-approval";
import { PlanReview } from "../components/purge/plan-review";
import { PurgeStepper } from "../components/purge/purge-stepper";
import { RunStep } from "../components/purge/run-progress";
import { openingStep, planStateColour, reachedStep } from "../lib/purge";
import type { PurgePlanView } from "../lib/types";

function Steps({ plan }: { plan: PurgePlanView }) {
  const { t } = useTranslation();
  const { activeOrg } = useSession();
  const reached = reachedStep(plan.state);
  // the step stays where the member is when the plan's state moves on (a run ending shows its progress at 100 %)
  const [chosen, setChosen] = useState(() => openingStep(plan.state));
  const active = Math.min(chosen, reached);
  const next = (step: number) => setChosen(step);
  return (
    <Stack gap="lg">
      <Paper>
        <PurgeStepper active={active} reached={reached} onSelect={next} />
      </Paper>
      {(plan.state === "stopped" || plan.state === "expired") && (
        <Alert color="red" role="alert">
          {t(`purges.planState.${plan.state}`)}
        </Alert>
      )}
      {active === 1 && (
        <>
          <PlanReview plan={plan} />
          {reached >= 2 && (
            <Group justify="flex-end">
              <Button onClick={() => next(2)} data-testid="to-approval">
                {t("purges.review.continue")}
              </Button>
            </Group>
          )}
        </>
      )}
      {active === 2 && (
        <>
          <PlanApproval plan={plan} role={activeOrg?.role ?? ""} onApproved={() => next(3)} />
          {reached >= 3 && (
            <Group justify="flex-end">
              <Button onClick={() => next(3)} data-testid="to-run">
                {t("purges.approval.continue")}
              </Button>
            </Group>
          )}
        </>
      )}
      {active === 3 && <RunStep plan={plan} onFinished={() => next(4)} />}
      {active === 4 && <CertificateView planId={plan.planId} ready={plan.state === "completed"} />}
    </Stack>
  );
}

/** One plan through the wizard's steps 2–5: review, approval, run with live progress, certificate. */
export function PurgePlanPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { planId = "" } = useParams();
  const plan = useQuery(trpc.purge.get.queryOptions({ planId }));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("purges.title")}
        description={
          plan.data && (
            <Group gap="xs" component="span">
              <Text span size="sm" className="isoloir-mono">
                {plan.data.planId}
              </Text>
              <Badge
                color={planStateColour[plan.data.state] ?? "gray"}
                variant="light"
                tt="none"
                data-testid="plan-state"
              >
                {t(`purges.states.${plan.data.state}`)}
              </Badge>
            </Group>
          )
        }
      />
      <QueryState query={plan}>{(data) => <Steps plan={data} />}</QueryState>
    </Stack>
  );
}
