import { useFormat } from "@isoloir/ui";
import { BarChart } from "@mantine/charts";
import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RefusalRow } from "../lib/enrichment";
import { ruleHref, useRuleTitles } from "../lib/rule-titles";

function ReasonCell({ row }: { row: RefusalRow }) {
  const { t } = useTranslation();
  if (row.kind !== "rule")
    return <Text size="sm">{t(row.kind === "escalated" ? "enrich.escalated" : "enrich.noLiveConsent")}</Text>;
  return (
    <Anchor
      href={ruleHref(row.reason)}
      target="_blank"
      className="isoloir-mono"
      aria-label={t("enrich.openRule", { id: row.reason })}
    >
      {row.reason}
    </Anchor>
  );
}

/**
 * Refused contacts per reason: a bar per rule id (plus "no live consent"), and beneath it the same
 * rows with each rule's title and a link to it in the admin app.
 */
export function RefusalChart({ rows, testId }: { rows: RefusalRow[]; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useRuleTitles();
  const label = (row: RefusalRow) =>
    row.kind === "rule"
      ? row.reason
      : t(row.kind === "escalated" ? "enrich.escalated" : "enrich.noLiveConsent");
  return (
    <Stack gap="sm" data-testid={testId}>
      <BarChart
        h={Math.max(120, rows.length * 32 + 40)}
        aria-label={t("enrich.chartLabel")}
        data={rows.map((row) => ({ reason: label(row), contacts: row.contacts }))}
        dataKey="reason"
        orientation="vertical"
        yAxisProps={{ width: 310, tick: { fontSize: 11 } }}
        valueFormatter={(value) => format.number(value)}
        xAxisProps={{ allowDecimals: false }}
        series={[{ name: "contacts", label: t("enrich.series"), color: "orange.6" }]}
        withBarValueLabel
        barChartProps={{ margin: { right: 36 } }}
        maxBarWidth={22}
        gridAxis="x"
      />
      <Table verticalSpacing={6} fz="sm" aria-label={t("enrich.chartLabel")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("enrich.columns.reason")}</Table.Th>
            <Table.Th>{t("enrich.columns.title")}</Table.Th>
            <Table.Th ta="right">{t("enrich.columns.contacts")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.reason} data-testid={`refusal-${row.reason}`}>
              <Table.Td>
                <ReasonCell row={row} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lang={row.kind === "rule" ? "en" : undefined}>
                  {row.kind === "rule" ? (titleOf(row.reason) ?? format.empty) : format.empty}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{format.number(row.contacts)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
