import { useFormat } from "@isoloir/ui";
import { BarChart } from "@mantine/charts";
import { Alert, Badge, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { PurgePlanView } from "../../lib/types";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId} style={{ wordBreak: "break-all" }}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who a pseudonymised member is, with "you" when it is the viewer. */
export function MemberRef({ who }: { who: PurgePlanView["plannedBy"] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!who) return <>{format.empty}</>;
  return (
    <span className="isoloir-mono">
      {who.pseudonym}
      {who.you ? ` (${t("purges.review.you")})` : ""}
    </span>
  );
}

function ReasonCounts({ plan }: { plan: PurgePlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = plan.reasons.map((r) => ({
    reason: r,
    ...(plan.counts.byReason[r as keyof typeof plan.counts.byReason] ?? {
      targets: 0,
      wholeContacts: 0,
      singleRows: 0,
    }),
  }));
  return (
    <Stack gap="xs">
      <Title order={5}>{t("purges.review.byReason")}</Title>
      <BarChart
        h={rows.length * 38 + 40}
        aria-label={t("purges.review.chartLabel")}
        data-testid="plan-chart"
        data={rows.map((r) => ({
          reason: t(`purges.reasons.labels.${r.reason}`, { defaultValue: r.reason }),
          targets: r.targets,
        }))}
        dataKey="reason"
        orientation="vertical"
        yAxisProps={{ width: 230 }}
        xAxisProps={{ allowDecimals: false }}
        valueFormatter={(v) => format.number(v)}
        series={[{ name: "targets", label: t("purges.review.series"), color: "indigo.6" }]}
        withBarValueLabel
        barChartProps={{ margin: { right: 40 } }}
        maxBarWidth={24}
        gridAxis="x"
      />
      <Table data-testid="plan-by-reason">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("purges.review.reason")}</Table.Th>
            <Table.Th ta="right">{t("purges.review.targets")}</Table.Th>
            <Table.Th ta="right">{t("purges.review.whole")}</Table.Th>
            <Table.Th ta="right">{t("purges.review.single")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.reason} data-testid={`by-reason-${r.reason}`}>
              <Table.Td>
                {t(`purges.reasons.labels.${r.reason}`, { defaultValue: r.reason })}
                <Text size="xs" c="dimmed" className="isoloir-mono">
                  {r.reason}
                </Text>
              </Table.Td>
              <Table.Td ta="right" fw={600} data-testid="count">
                {format.number(r.targets)}
              </Table.Td>
              <Table.Td ta="right">{format.number(r.wholeContacts)}</Table.Td>
              <Table.Td ta="right">{format.number(r.singleRows)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RuleCounts({ counts }: { counts: Record<string, number> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Title order={5}>{t("purges.review.byRule")}</Title>
      <Table data-testid="plan-by-rule">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("purges.review.rule")}</Table.Th>
            <Table.Th ta="right">{t("purges.review.targets")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Object.entries(counts).map(([rule, n]) => (
            <Table.Tr key={rule} data-testid={`by-rule-${rule}`}>
              <Table.Td className="isoloir-mono" lang="en">
                {rule}
              </Table.Td>
              <Table.Td ta="right" data-testid="count">
                {format.number(n)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Samples({ plan }: { plan: PurgePlanView }) {
  const { t } = useTranslation();
  const samples = plan.samples.filter((s) => s.reason !== "needs_human");
  if (samples.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>{t("purges.review.samples")}</Title>
      <Text size="xs" c="dimmed">
        {t("purges.review.samplesHint")}
      </Text>
      <Table data-testid="plan-samples">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("purges.review.contact")}</Table.Th>
            <Table.Th>{t("purges.review.reason")}</Table.Th>
            <Table.Th>{t("purges.review.kind")}</Table.Th>
            <Table.Th>{t("purges.review.rule")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {samples.map((s) => (
            <Table.Tr key={`${s.contact}-${s.reason}-${s.kind}-${s.ruleIds.join(",")}`}>
              <Table.Td className="isoloir-mono">{s.contact}</Table.Td>
              <Table.Td>{t(`purges.reasons.labels.${s.reason}`, { defaultValue: s.reason })}</Table.Td>
              <Table.Td>{t(`purges.review.kinds.${s.kind}`, { defaultValue: s.kind })}</Table.Td>
              <Table.Td className="isoloir-mono" lang="en" fz="xs">
                {s.ruleIds.join(", ")}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function NeedsHuman({ plan }: { plan: PurgePlanView }) {
  const { t } = useTranslation();
  const { rows, people } = plan.counts.needsHuman;
  return (
    <Stack gap="xs" data-testid="needs-human">
      <Title order={5}>{t("purges.review.needsHuman")}</Title>
      <Text size="xs" c="dimmed">
        {t("purges.review.needsHumanHint")}
      </Text>
      {rows === 0 ? (
        <Text size="sm">{t("purges.review.needsHumanNone")}</Text>
      ) : (
        <>
          <Text size="sm" fw={600}>
            {t("purges.review.needsHumanCount", { rows, people })}
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("purges.review.contact")}</Table.Th>
                <Table.Th>{t("purges.review.rule")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.needsHuman.map((r) => (
                <Table.Tr key={`${r.contact}-${r.ruleIds.join(",")}`}>
                  <Table.Td className="isoloir-mono">{r.contact}</Table.Td>
                  <Table.Td className="isoloir-mono" lang="en" fz="xs">
                    {r.ruleIds.join(", ")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

/** Step 2: the plan's exact counts per reason (chart and table) and rule id, samples, needs-a-human rows, expiry. */
export function PlanReview({ plan }: { plan: PurgePlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const c = plan.counts;
  return (
    <Stack gap="lg" data-testid="plan-review">
      <Paper>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start">
            <Text fw={600} data-testid="plan-summary">
              {t("purges.review.summary", {
                targets: format.number(c.targets),
                people: format.number(c.people),
                whole: format.number(c.wholeContacts),
                rows: format.number(c.rows),
              })}
            </Text>
            <Badge color="orange" variant="light" tt="none" data-testid="plan-expiry">
              {t("purges.review.expiry", { at: format.dateTime(plan.expiresAt) })}
            </Badge>
          </Group>
          {c.targets === 0 && <Alert color="gray">{t("purges.review.nothing")}</Alert>}
          <Text size="xs" c="dimmed">
            {t("purges.review.expiryHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Fact label={t("purges.review.plannedBy")}>
              <MemberRef who={plan.plannedBy} />
            </Fact>
            <Fact label={t("purges.review.asOf")}>{format.dateTime(plan.asOf)}</Fact>
            <Fact label={t("purges.review.policyVersion")} testId="plan-policy-version">
              <Code>{plan.policyVersion}</Code>
            </Fact>
            <Fact label={t("purges.review.planHash")} testId="plan-hash">
              <Code>{plan.planHash}</Code>
            </Fact>
          </SimpleGrid>
        </Stack>
      </Paper>
      <Paper>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <ReasonCounts plan={plan} />
          <RuleCounts counts={c.byRule} />
        </SimpleGrid>
      </Paper>
      <Paper>
        <Stack gap="xl">
          <NeedsHuman plan={plan} />
          <Samples plan={plan} />
        </Stack>
      </Paper>
    </Stack>
  );
}
