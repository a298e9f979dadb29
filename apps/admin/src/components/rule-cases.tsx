import { useVocabLabel } from "@isoloir/ui";
import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RuleCase } from "../lib/types";
import { DecisionBadge } from "./rule-badges";

/** The case files that pin a rule down, with the decision each expects. */
export function RuleCases({ cases }: { cases: RuleCase[] }) {
  const { t } = useTranslation();
  const label = useVocabLabel();
  if (cases.length === 0) return <Text c="dimmed">{t("rules.noCases")}</Text>;
  const detail = (c: RuleCase) =>
    c.action.detail === null
      ? ""
      : ` · ${c.action.type === "contact" ? label("channel", c.action.detail) : c.action.detail.replaceAll("_", " ")}`;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table data-testid="cases">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("rules.caseColumns.name")}</Table.Th>
            <Table.Th>{t("rules.caseColumns.action")}</Table.Th>
            <Table.Th>{t("rules.caseColumns.expected")}</Table.Th>
            <Table.Th>{t("rules.caseColumns.file")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.file}>
              <Table.Td maw={360}>
                <Text size="sm" lang="en">
                  {c.name}
                </Text>
                {c.namesRule && (
                  <Badge size="xs" variant="outline" color="indigo" mt={4}>
                    {t("rules.namesRule")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Text size="sm">
                  {t(`rules.actions.${c.action.type}`, { defaultValue: c.action.type })}
                  {detail(c)}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.jurisdiction}
                </Text>
              </Table.Td>
              <Table.Td>
                <DecisionBadge decision={c.decision} />
              </Table.Td>
              <Table.Td maw={300}>
                <Text className="isoloir-mono">{c.file}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
