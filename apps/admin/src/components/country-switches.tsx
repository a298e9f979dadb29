import { useFormat } from "@isoloir/ui";
import { Badge, Button, Group, Paper, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../lib/country-name";
import type { CountryRow } from "../lib/types";
import { SwitchHistory } from "./switch-history";

export interface SwitchRequest {
  country: string;
  name: string;
  enable: boolean;
}

function LastChange({ row }: { row: CountryRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!row.changedAt) {
    return (
      <Text size="sm" c="dimmed">
        {t("jurisdictions.neverChanged")}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">{format.dateTime(row.changedAt)}</Text>
      {row.justification && (
        <Text size="xs" c="dimmed" lineClamp={2} maw={360}>
          {row.justification}
        </Text>
      )}
    </Stack>
  );
}

/** Every country with its contact count, its enrichment switch and, on request, its history. */
export function CountrySwitches({
  rows,
  canEdit,
  onRequest,
}: {
  rows: CountryRow[];
  canEdit: boolean;
  onRequest: (request: SwitchRequest) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Paper p={0} component="section" aria-label={t("jurisdictions.countriesTitle")}>
      <Stack gap={2} px="lg" pt="lg" pb="sm">
        <Title order={3} size="h4">
          {t("jurisdictions.countriesTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("jurisdictions.countriesHint")}
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={760}>
        <Table highlightOnHover={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("jurisdictions.columns.country")}</Table.Th>
              <Table.Th ta="right">{t("jurisdictions.columns.contacts")}</Table.Th>
              <Table.Th>{t("jurisdictions.columns.enrichment")}</Table.Th>
              <Table.Th>{t("jurisdictions.columns.lastChange")}</Table.Th>
              <Table.Th ta="right">{t("jurisdictions.columns.history")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const name = countryName(row.country);
              const expanded = open === row.country;
              return (
                <Fragment key={row.country}>
                  <Table.Tr data-testid={`country-${row.country}`} data-enabled={row.enrichmentEnabled}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {name}
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
                          disabled={!canEdit}
                          aria-label={t("jurisdictions.switchLabel", { country: name })}
                          onChange={() =>
                            onRequest({ country: row.country, name, enable: !row.enrichmentEnabled })
                          }
                        />
                        <Badge color={row.enrichmentEnabled ? "green" : "gray"} variant="light">
                          {row.enrichmentEnabled ? t("jurisdictions.on") : t("jurisdictions.off")}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <LastChange row={row} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-expanded={expanded}
                        aria-label={`${expanded ? t("jurisdictions.hideHistory") : t("jurisdictions.showHistory")} · ${name}`}
                        onClick={() => setOpen(expanded ? null : row.country)}
                      >
                        {expanded ? t("jurisdictions.hideHistory") : t("jurisdictions.showHistory")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr bg="gray.0">
                      <Table.Td colSpan={5} px="lg" py="md">
                        <SwitchHistory country={row.country} name={name} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {t("jurisdictions.empty")}
        </Text>
      )}
    </Paper>
  );
}
