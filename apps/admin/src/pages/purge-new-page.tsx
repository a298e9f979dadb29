import { PageHeader, QueryState, useTRPC } from "@isoloir/ui";
import { Paper, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { PlanForm } from "../components/purge/plan-form";
import { PurgeStepper } from "../components/purge/purge-stepper";

/** The wizard's first step: choose reasons, an optional scope and the granularity, then compute the plan. */
export function PurgeNewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const reasons = useQuery(trpc.purge.reasons.queryOptions());
  return (
    <Stack gap="lg">
      <PageHeader title={t("purges.newPlan")} description={t("purges.description")} />
      <Paper>
        <PurgeStepper active={0} reached={0} />
      </Paper>
      <QueryState query={reasons}>
        {(list) => <PlanForm reasons={list} onPlanned={(id) => navigate(`/purges/${id}`)} />}
      </QueryState>
    </Stack>
  );
}
