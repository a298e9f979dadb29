import { PageHeader, QueryState, useCan, useFormat, useTRPC } from "@isoloir/ui";
import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { planStateColour } from "../lib/purge";

/** The organisation's purge plans, newest first, and "New plan" for those who may plan. */
export function PurgesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const canPlan = useCan("planPurge");
  const plans = useQuery(trpc.purge.list.queryOptions());
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("purges.title")}
        description={t("purges.description")}
        actions={
          canPlan ? (
            <Button component={Link} to="/purges/new" data-testid="new-plan">
              {t("purges.newPlan")}
            </Button>
          ) : undefined
        }
      />
      <QueryState query={plans}>
        {(rows) => (
          <Paper p={0}>
            <Table.ScrollContainer minWidth={820}>
              <Table data-testid="purge-plans">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("purges.columns.plannedAt")}</Table.Th>
                    <Table.Th>{t("purges.columns.reasons")}</Table.Th>
                    <Table.Th ta="right">{t("purges.columns.targets")}</Table.Th>
                    <Table.Th ta="right">{t("purges.columns.people")}</Table.Th>
                    <Table.Th ta="right">{t("purges.columns.needsHuman")}</Table.Th>
                    <Table.Th>{t("purges.columns.state")}</Table.Th>
                    <Table.Th>{t("purges.columns.expiresAt")}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((plan) => (
                    <Table.Tr key={plan.id} data-testid={`plan-${plan.id}`}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {format.dateTime(plan.plannedAt)}
                        <Text size="xs" c="dimmed">
                          {t(`purges.origin.${plan.origin}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {plan.reasons.map((r) => (
                            <Text key={r} size="sm">
                              {t(`purges.reasons.labels.${r}`, { defaultValue: r })}
                            </Text>
                          ))}
                        </Stack>
                      </Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {format.number(plan.targets)}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(plan.people)}</Table.Td>
                      <Table.Td ta="right">{format.number(plan.needsHuman)}</Table.Td>
                      <Table.Td>
                        <Badge color={planStateColour[plan.state] ?? "gray"} variant="light" tt="none">
                          {t(`purges.states.${plan.state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(plan.expiresAt)}</Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button component={Link} to={`/purges/${plan.id}`} size="xs" variant="light">
                            {t("purges.open")}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length === 0 && (
              <Text c="dimmed" ta="center" py="xl">
                {t("purges.empty")}
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
