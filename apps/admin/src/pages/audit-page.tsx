import { PageHeader, QueryState, useFormat, useTRPC } from "@isoloir/ui";
import { Code, Group, Pagination, Paper, Stack, Table, Text, Tooltip } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ChainBanner } from "../components/chain-banner";
import type { AuditEntry } from "../lib/types";

const pageSize = 50;

function Pseudonym({ value }: { value: string | null }) {
  const format = useFormat();
  if (!value) return <>{format.empty}</>;
  return (
    <Tooltip label={value} withArrow>
      <Text className="isoloir-mono">{value.length > 16 ? `${value.slice(0, 16)}…` : value}</Text>
    </Tooltip>
  );
}

function Details({ details }: { details: AuditEntry["details"] }) {
  const format = useFormat();
  const entries = Object.entries(details ?? {});
  if (entries.length === 0) return <>{format.empty}</>;
  return (
    <Code block fz="xs" style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
      {entries
        .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
        .join("\n")}
    </Code>
  );
}

/** The append-only audit log, newest first, with the chain's verification on top. */
export function AuditPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const log = useQuery({
    ...trpc.audit.list.queryOptions({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const actionLabel = (action: string) =>
    t(`audit.actions.${action.replace(/\./g, "_")}`, { defaultValue: action });
  return (
    <Stack gap="lg">
      <PageHeader title={t("audit.title")} description={t("audit.description")} />
      <ChainBanner />
      <QueryState query={log}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <Paper p={0}>
              <Group justify="space-between" px="md" py="sm">
                <Text fw={600}>{t("common.results", { count: data.total })}</Text>
                <Text size="sm" c="dimmed">
                  {t("common.pageOf", { page: data.page, pages })}
                </Text>
              </Group>
              <Table.ScrollContainer minWidth={900}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("audit.columns.seq")}</Table.Th>
                      <Table.Th>{t("audit.columns.at")}</Table.Th>
                      <Table.Th>{t("audit.columns.action")}</Table.Th>
                      <Table.Th>{t("audit.columns.actor")}</Table.Th>
                      <Table.Th>{t("audit.columns.target")}</Table.Th>
                      <Table.Th>{t("audit.columns.details")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((entry) => (
                      <Table.Tr key={entry.seq}>
                        <Table.Td fw={600}>{entry.seq}</Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(entry.at)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{actionLabel(entry.action)}</Text>
                          <Text size="xs" c="dimmed" className="isoloir-mono">
                            {entry.action}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Pseudonym value={entry.actor} />
                        </Table.Td>
                        <Table.Td>
                          <Pseudonym value={entry.target} />
                        </Table.Td>
                        <Table.Td maw={320}>
                          <Details details={entry.details} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {data.items.length === 0 && (
                <Text c="dimmed" ta="center" py="xl">
                  {t("audit.empty")}
                </Text>
              )}
              {pages > 1 && (
                <Group justify="center" py="md">
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={setPage}
                    aria-label={t("audit.pagination")}
                  />
                </Group>
              )}
            </Paper>
          );
        }}
      </QueryState>
    </Stack>
  );
}
