import { QueryState, useFormat, useTRPC } from "@isoloir/ui";
import { BarChart } from "@mantine/charts";
import { Alert, Badge, Group, Loader, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { isTerminal, type Outcome, outcomes, percent, refusedByRows, runningCounts } from "../lib/enrichment";
import type { EnrichmentJob } from "../lib/types";
import { RefusalChart } from "./refusal-chart";

const pollMs = 700;

const stateColour: Record<string, string> = {
  created: "gray",
  retry: "orange",
  active: "indigo",
  completed: "green",
  cancelled: "gray",
  failed: "red",
};

const outcomeColour: Record<Outcome, string> = {
  found: "teal.6",
  not_found: "gray.5",
  fresh: "indigo.4",
  refused: "orange.6",
  stopped: "yellow.6",
  no_email: "gray.4",
  failed: "red.6",
};

function OutcomeChart({ counts }: { counts: Partial<Record<Outcome, number>> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = outcomes.filter((o) => (counts[o] ?? 0) > 0 || o === "found" || o === "not_found");
  return (
    <Stack gap="xs" data-testid="enrich-outcome">
      <BarChart
        h={shown.length * 30 + 40}
        aria-label={t("enrich.outcomeChartLabel")}
        data={shown.map((o) => ({
          outcome: t(`enrich.outcomes.${o}`),
          contacts: counts[o] ?? 0,
          color: outcomeColour[o],
        }))}
        dataKey="outcome"
        orientation="vertical"
        yAxisProps={{ width: 200 }}
        valueFormatter={(value) => format.number(value)}
        xAxisProps={{ allowDecimals: false }}
        series={[{ name: "contacts", label: t("enrich.series"), color: "indigo.6" }]}
        withBarValueLabel
        barChartProps={{ margin: { right: 36 } }}
        maxBarWidth={22}
        gridAxis="x"
      />
      <Group gap="xs">
        {shown.map((o) => (
          <Badge
            key={o}
            variant="light"
            color={outcomeColour[o].split(".")[0]}
            tt="none"
            data-testid={`outcome-${o}`}
          >
            {t("enrich.outcomeCount", { label: t(`enrich.outcomes.${o}`), value: counts[o] ?? 0 })}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function JobView({ job }: { job: EnrichmentJob }) {
  const { t } = useTranslation();
  const done = isTerminal(job.state);
  const value = percent(job.progress.done, job.progress.total);
  const counts = job.output?.counts ?? runningCounts(job.progress.note);
  const refused = job.output ? refusedByRows(job.output.refusedBy) : [];
  return (
    <Stack gap="md" data-testid="enrich-progress" data-state={job.state}>
      <Group justify="space-between">
        <Group gap="xs">
          {!done && <Loader size="xs" />}
          <Title order={4} size="h5">
            {done ? t("enrich.finished") : t("enrich.running")}
          </Title>
        </Group>
        <Badge color={stateColour[job.state] ?? "gray"} data-testid="enrich-state">
          {t(`enrich.states.${job.state}`)}
        </Badge>
      </Group>
      <Progress
        value={done ? value : Math.max(value, 3)}
        size="lg"
        animated={!done}
        striped={!done}
        color={job.state === "failed" ? "red" : done ? "teal" : "indigo"}
        aria-label={t("enrich.progressLabel")}
        transitionDuration={300}
      />
      <Text size="sm" ta="right" data-testid="enrich-progress-count">
        {t("enrich.progressCount", { done: job.progress.done, total: job.progress.total })}
      </Text>
      {!done && (
        <Text size="xs" c="dimmed">
          {t("enrich.background")}
        </Text>
      )}
      {job.error && (
        <Alert color="red" role="alert">
          {t("enrich.failedDetail", { error: job.error })}
        </Alert>
      )}
      {counts && (
        <Stack gap="xs">
          <Title order={5} size="h6">
            {t("enrich.outcomeTitle")}
          </Title>
          <OutcomeChart counts={counts} />
        </Stack>
      )}
      {refused.length > 0 && (
        <Stack gap="xs">
          <Title order={5} size="h6">
            {t("enrich.refusedAtRun")}
          </Title>
          <RefusalChart rows={refused} testId="refused-at-run" />
        </Stack>
      )}
    </Stack>
  );
}

/** A started job, polled every 700 ms until it ends; its end refreshes every contact's enriched data. */
export function EnrichProgress({ jobId, onEnded }: { jobId: string; onEnded?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const job = useQuery({
    ...trpc.enrichment.job.queryOptions({ id: jobId }),
    refetchInterval: (query) => (isTerminal(query.state.data?.state) ? false : pollMs),
  });
  const ended = isTerminal(job.data?.state);
  const endedRef = useRef(onEnded);
  endedRef.current = onEnded;
  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({ queryKey: trpc.enrichment.forContact.queryKey() });
    endedRef.current?.();
  }, [ended, queryClient, trpc]);
  return <QueryState query={job}>{(data) => <JobView job={data} />}</QueryState>;
}
