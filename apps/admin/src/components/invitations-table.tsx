import { QueryState, useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Badge, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** The organisation's invitations (`members.invitations`): waiting, accepted or expired. */
export function InvitationsTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const label = useVocabLabel();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  return (
    <Paper data-testid="invitations">
      <Stack gap="sm">
        <Title order={4}>{t("members.invitations")}</Title>
        <Text size="sm" c="dimmed">
          {t("members.invitationsHint")}
        </Text>
        <QueryState query={invitations}>
          {(rows) => (
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("members.invitationColumns.email")}</Table.Th>
                    <Table.Th>{t("members.invitationColumns.role")}</Table.Th>
                    <Table.Th>{t("members.invitationColumns.invitedAt")}</Table.Th>
                    <Table.Th>{t("members.invitationColumns.expiresAt")}</Table.Th>
                    <Table.Th>{t("members.invitationColumns.state")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((invitation) => {
                    const state = invitation.acceptedAt
                      ? "accepted"
                      : new Date(invitation.expiresAt) <= new Date()
                        ? "expired"
                        : "pending";
                    return (
                      <Table.Tr key={invitation.invitationId} data-testid={`invitation-${invitation.email}`}>
                        <Table.Td>{invitation.email}</Table.Td>
                        <Table.Td>{label("role", invitation.role)}</Table.Td>
                        <Table.Td>{format.dateTime(invitation.invitedAt)}</Table.Td>
                        <Table.Td>{format.dateTime(invitation.expiresAt)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={state === "accepted" ? "green" : "gray"}>
                            {t(`members.invitationState.${state}`)}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
