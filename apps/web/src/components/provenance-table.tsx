import { useFormat, useVocabLabel } from "@isoloir/ui";
import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProvenanceRow } from "../lib/types";
import { Section } from "./section";

function VendorAttestation({ row }: { row: ProvenanceRow }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (row.vendorPoliticalReuseDisclosed === null && row.vendorOptOutOffered === null) return <>{f.empty}</>;
  const yesNo = (value: boolean | null) =>
    value === null ? t("provenance.unknown") : value ? t("common.yes") : t("common.no");
  return (
    <Stack gap={0}>
      <Text size="xs" c={row.vendorPoliticalReuseDisclosed ? undefined : "red"}>
        {t("provenance.vendorDisclosed", { value: yesNo(row.vendorPoliticalReuseDisclosed) })}
      </Text>
      <Text size="xs" c={row.vendorOptOutOffered ? undefined : "red"}>
        {t("provenance.vendorOptOut", { value: yesNo(row.vendorOptOutOffered) })}
      </Text>
    </Stack>
  );
}

/** One row per origin of the contact's data (invariant 3): source, collector, date, legal basis, fields. */
export function ProvenanceTable({ rows }: { rows: ProvenanceRow[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useVocabLabel();
  return (
    <Section title={t("provenance.title")} description={t("provenance.description")} testId="provenance">
      {rows.length === 0 ? (
        <Text c="dimmed">{t("provenance.empty")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("provenance.columns.source")}</Table.Th>
                <Table.Th>{t("provenance.columns.collector")}</Table.Th>
                <Table.Th>{t("provenance.columns.collectedAt")}</Table.Th>
                <Table.Th>{t("provenance.columns.legalBasis")}</Table.Th>
                <Table.Th>{t("provenance.columns.fields")}</Table.Th>
                <Table.Th>{t("provenance.columns.vendor")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td fw={500}>{label("source", row.source)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{label("collector", row.collectorKind)}</Text>
                    <Text className="isoloir-mono" c="dimmed">
                      {row.collectorRef}
                    </Text>
                  </Table.Td>
                  <Table.Td>{f.dateTime(row.collectedAt)}</Table.Td>
                  <Table.Td>{label("legalBasis", row.legalBasis)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {row.fields.map((field) => (
                        <Badge key={field} variant="light" color="gray" size="sm" tt="none">
                          {field}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <VendorAttestation row={row} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
