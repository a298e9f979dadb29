import { useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Badge, Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { TitledTable } from "./titled-table";

/** The organisation's invitations (`members.invitations`): waiting, accepted or expired. */
export function InvitationsTable() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const label = useVocabLabel();
  const invitations = useQuery(trpc.members.invitations.queryOptions());
  const columns = ["email", "role", "invitedAt", "expiresAt", "state"].map((c) =>
    t(`members.invitationColumns.${c}`),
  );
  return (
    <TitledTable
      testId="invitations"
      title={t("members.invitations")}
      hint={t("members.invitationsHint")}
      query={invitations}
      columns={columns}
      row={(invitation) => {
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
      }}
    />
  );
}
