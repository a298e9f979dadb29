import { ErrorAlert, QueryState, useCan, useFormat, useTRPC } from "@isoloir/ui";
import { Alert, Badge, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { percent, planStateColour } from "../../lib/purge";
import type { PurgePlanView, PurgeProgress } from "../../lib/types";

const pollMs = 600;
const isLive = (p: PurgeProgress | undefined) =>
  !!p &&
  (p.planState === "running" ||
    (p.planState === "approved" && !!p.job && ["created", "retry", "active"].includes(p.job.state)) ||
    (p.planState === "completed" && !p.certified));

function ProgressView({ progress }: { progress: PurgeProgress }) {
  const { t } = useTranslation();
  const format = useFormat();
  const live = isLive(progress);
  const done = progress.planState === "completed" && progress.certified;
  const run = progress.run;
  const state = done
    ? "completed"
    : progress.planState === "stopped"
      ? "stopped"
      : live
        ? "running"
        : progress.planState;
  return (
    <Stack gap="sm" data-testid="purge-progress" data-state={state}>
      <Group justify="space-between">
        <Group gap="xs">
          {live && <Loader size="xs" />}
          <Title order={5}>
            {done ? t("purges.run.finished") : live ? t("purges.run.running") : t("purges.run.title")}
          </Title>
        </Group>
        <Badge color={planStateColour[progress.planState] ?? "gray"}>
          {t(`purges.states.${progress.planState}`)}
        </Badge>
      </Group>
      <Progress
        value={percent(progress.done, progress.total)}
        size="lg"
        animated={live}
        striped={live}
        color={progress.planState === "stopped" ? "red" : done ? "teal" : "indigo"}
        aria-label={t("purges.run.progressLabel")}
        transitionDuration={300}
      />
      <Group justify="space-between">
        <Group gap="md">
          <Text size="sm" data-testid="run-deleted">
            {t("purges.run.deleted", { count: run?.deleted ?? 0 })}
          </Text>
          <Text size="sm" data-testid="run-already-gone">
            {t("purges.run.alreadyGone", { count: run?.alreadyGone ?? 0 })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("purges.run.batches", { count: run?.batches ?? 0 })}
          </Text>
        </Group>
        <Text size="sm" fw={600} data-testid="run-count">
          {t("purges.run.progressCount", {
            done: format.number(progress.done),
            total: format.number(progress.total),
          })}
        </Text>
      </Group>
      {live && !run && (
        <Text size="xs" c="dimmed">
          {t("purges.run.waiting")}
        </Text>
      )}
      {run?.stopReason && (
        <Alert color="red" role="alert">
          {t("purges.run.stopped", { reason: run.stopReason })}
        </Alert>
      )}
      {progress.job?.error && (
        <Alert color="red" role="alert">
          {t("purges.run.failed", { error: progress.job.error })}
        </Alert>
      )}
    </Stack>
  );
}

/** Step 4: run the approved plan as a background job and poll its progress until the certificate exists. */
export function RunStep({ plan, onFinished }: { plan: PurgePlanView; onFinished: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canRun = useCan("runPurge");
  const progress = useQuery({
    ...trpc.purge.progress.queryOptions({ planId: plan.planId }),
    enabled: canRun,
    refetchInterval: (query) => (isLive(query.state.data) ? pollMs : false),
  });
  const start = useMutation(
    trpc.purge.run.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({
          queryKey: trpc.purge.progress.queryKey({ planId: plan.planId }),
        });
      },
    }),
  );
  const finished = progress.data?.planState === "completed" && progress.data.certified;
  const seen = useRef(finished);
  useEffect(() => {
    if (!finished || seen.current) return;
    seen.current = true;
    void queryClient.invalidateQueries({ queryKey: trpc.purge.pathKey() });
  }, [finished, queryClient, trpc]);
  const canStart = plan.state === "approved" && !progress.data?.job && !start.isPending && !start.isSuccess;
  return (
    <Paper data-testid="run-step">
      <Stack gap="md">
        <Title order={4}>{t("purges.run.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("purges.run.hint")}
        </Text>
        {!canRun && <Alert color="gray">{t("purges.run.notAllowed")}</Alert>}
        {canRun && plan.state === "planned" && <Alert color="gray">{t("purges.run.notYet")}</Alert>}
        {canRun && canStart && (
          <Group>
            <Button
              onClick={() => start.mutate({ planId: plan.planId })}
              loading={start.isPending}
              color="red"
              data-testid="run-purge"
            >
              {t("purges.run.start")}
            </Button>
          </Group>
        )}
        {start.error && <ErrorAlert error={start.error} />}
        {canRun && plan.state !== "planned" && (
          <QueryState query={progress}>{(data) => <ProgressView progress={data} />}</QueryState>
        )}
        {finished && (
          <Group>
            <Button onClick={onFinished} data-testid="see-certificate">
              {t("purges.run.continue")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
