import { PageHeader, QueryState, useFormat, useTRPC } from "@isoloir/ui";
import { Alert, Badge, Group, Paper, Stack, Switch, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../lib/country-name";

/**
 * Each country with its contact count and enrichment switch, read-only here: switching (with its
 * justification and, in France, the CNIL 2016 confirmation) arrives with the enrichment module.
 */
export function CountriesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const countryName = useCountryName();
  const countries = useQuery(trpc.countries.list.queryOptions());
  return (
    <Stack gap="lg">
      <PageHeader title={t("countries.title")} description={t("countries.description")} />
      <Alert color="indigo" variant="light">
        {t("countries.readOnlyNote")}
      </Alert>
      <QueryState query={countries}>
        {(rows) => (
          <Paper p={0}>
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("countries.columns.country")}</Table.Th>
                    <Table.Th ta="right">{t("countries.columns.contacts")}</Table.Th>
                    <Table.Th>{t("countries.columns.enrichment")}</Table.Th>
                    <Table.Th>{t("countries.columns.changedAt")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.country} data-testid={`country-${row.country}`}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {countryName(row.country)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.country}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{format.number(row.contacts)}</Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Switch
                            checked={row.enrichmentEnabled}
                            disabled
                            readOnly
                            aria-label={t("countries.switchLabel", { country: countryName(row.country) })}
                          />
                          <Badge color={row.enrichmentEnabled ? "green" : "gray"} variant="light">
                            {row.enrichmentEnabled ? t("countries.on") : t("countries.off")}
                          </Badge>
                        </Group>
                        {row.justification && (
                          <Text size="xs" c="dimmed" mt={4}>
                            {row.justification}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{format.dateTime(row.changedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length === 0 && (
              <Text c="dimmed" ta="center" py="xl">
                {t("countries.empty")}
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
