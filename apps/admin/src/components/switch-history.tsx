import { QueryState, useFormat, useTRPC } from "@isoloir/ui";
import { Badge, Group, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMemberName } from "../lib/member-names";

/** A country's switch changes, newest first: when, who, on or off, why, and the CNIL 2016 confirmation. */
export function SwitchHistory({ country, name }: { country: string; name: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const memberName = useMemberName();
  const history = useQuery(trpc.countries.history.queryOptions({ country }));
  return (
    <QueryState query={history}>
      {(rows) =>
        rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="xs">
            {t("jurisdictions.historyEmpty")}
          </Text>
        ) : (
          <Table
            withTableBorder
            bg="white"
            aria-label={t("jurisdictions.historyOf", { country: name })}
            data-testid={`history-${country}`}
            highlightOnHover={false}
            verticalSpacing="xs"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t("jurisdictions.historyColumns.at")}</Table.Th>
                <Table.Th w={180}>{t("jurisdictions.historyColumns.by")}</Table.Th>
                <Table.Th w={150}>{t("jurisdictions.historyColumns.change")}</Table.Th>
                <Table.Th>{t("jurisdictions.historyColumns.why")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>{format.dateTime(row.changedAt)}</Table.Td>
                  <Table.Td>{memberName(row.changedBy)}</Table.Td>
                  <Table.Td>
                    <Badge color={row.enrichmentEnabled ? "green" : "gray"} variant="light">
                      {row.enrichmentEnabled ? t("jurisdictions.switchedOn") : t("jurisdictions.switchedOff")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <Text
                        size="sm"
                        c={row.justification ? undefined : "dimmed"}
                        style={{ whiteSpace: "pre-wrap" }}
                      >
                        {row.justification || t("jurisdictions.noJustification")}
                      </Text>
                      {row.cnil2016Acknowledged && (
                        <Badge color="indigo" variant="outline" size="sm" tt="none">
                          {t("jurisdictions.cnilAcknowledged")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QueryState>
  );
}
