import { PageHeader, QueryState, useCan, useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { BarChart } from "@mantine/charts";
import { Button, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

function StatCard({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint: string;
  testId: string;
}) {
  return (
    <Paper>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={32} fw={700} data-testid={testId}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

function SourcesChart() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const bySource = useQuery(trpc.contacts.bySource.queryOptions());
  return (
    <Paper>
      <Title order={4}>{t("dashboard.chartTitle")}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t("dashboard.chartHint")}
      </Text>
      <QueryState query={bySource}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{t("dashboard.chartEmpty")}</Text>
          ) : (
            <BarChart
              data-testid="sources-chart"
              h={Math.max(200, rows.length * 34 + 40)}
              data={rows.map((row) => ({ source: label("source", row.source), contacts: row.contacts }))}
              dataKey="source"
              orientation="vertical"
              yAxisProps={{ width: 240 }}
              series={[{ name: "contacts", label: t("dashboard.series"), color: "indigo.6" }]}
              withBarValueLabel
              valueFormatter={(value) => format.number(value)}
              gridAxis="x"
            />
          )
        }
      </QueryState>
    </Paper>
  );
}

/** Totals and the contacts-per-source chart (the chart needs the whole base: readAllContacts). */
export function DashboardPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const seesAll = useCan("readAllContacts");
  const total = useQuery(trpc.contacts.list.queryOptions({ page: 1, pageSize: 1 }));
  const sources = useQuery(trpc.contacts.bySource.queryOptions(undefined, { enabled: seesAll }));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.description")}
        actions={
          <Button component={Link} to="/contacts" variant="light">
            {t("dashboard.openContacts")}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <StatCard
          label={t("dashboard.totalContacts")}
          value={total.data ? format.number(total.data.total) : format.empty}
          hint={t("dashboard.totalHint")}
          testId="total-contacts"
        />
        <StatCard
          label={t("dashboard.sources")}
          value={sources.data ? format.number(sources.data.length) : format.empty}
          hint={t("dashboard.sourcesHint")}
          testId="total-sources"
        />
      </SimpleGrid>
      {seesAll ? (
        <SourcesChart />
      ) : (
        <Paper>
          <Text c="dimmed">{t("dashboard.restricted")}</Text>
        </Paper>
      )}
    </Stack>
  );
}
