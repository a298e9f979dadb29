import { BarChart } from "@mantine/charts";
import { useTranslation } from "react-i18next";

/** Added, removed and changed rules as three bars; unchanged rules are stated in words beside it. */
export function DiffChart({ added, removed, changed }: { added: number; removed: number; changed: number }) {
  const { t } = useTranslation();
  return (
    <BarChart
      h={150}
      aria-label={t("changes.chartLabel")}
      data-testid="diff-chart"
      data={[
        { kind: `${t("changes.added")} (${added})`, rules: added, color: "teal.6" },
        { kind: `${t("changes.removed")} (${removed})`, rules: removed, color: "red.6" },
        { kind: `${t("changes.changed")} (${changed})`, rules: changed, color: "orange.5" },
      ]}
      dataKey="kind"
      orientation="vertical"
      yAxisProps={{ width: 120 }}
      xAxisProps={{ allowDecimals: false }}
      series={[{ name: "rules", label: t("changes.series"), color: "indigo.6" }]}
      maxBarWidth={26}
      gridAxis="x"
    />
  );
}
