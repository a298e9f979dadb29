import { QueryState, useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** Who granted which role to whom, and when (`members.roleGrants`: owners and compliance members). */
export function RoleGrants() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const label = useVocabLabel();
  const grants = useQuery(trpc.members.roleGrants.queryOptions());
  return (
    <Paper data-testid="role-grants">
      <Stack gap="sm">
        <Title order={4}>{t("members.grants")}</Title>
        <Text size="sm" c="dimmed">
          {t("members.grantsHint")}
        </Text>
        <QueryState query={grants}>
          {(rows) => (
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("members.grantColumns.member")}</Table.Th>
                    <Table.Th>{t("members.grantColumns.role")}</Table.Th>
                    <Table.Th>{t("members.grantColumns.grantedBy")}</Table.Th>
                    <Table.Th>{t("members.grantColumns.grantedAt")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((grant) => (
                    <Table.Tr key={`${grant.name}-${grant.grantedAt}`} data-testid={`grant-${grant.name}`}>
                      <Table.Td>{grant.name}</Table.Td>
                      <Table.Td>{label("role", grant.role)}</Table.Td>
                      <Table.Td>{grant.grantedBy ?? t("members.grantedByUnknown")}</Table.Td>
                      <Table.Td>{format.dateTime(grant.grantedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
