import { PageHeader, QueryState, useCan, useTRPC } from "@isoloir/ui";
import { Button, Paper, Stack, Table } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AddedMember, AddMemberModal } from "../components/add-member-modal";
import { InvitationsTable } from "../components/invitations-table";
import { MemberRow } from "../components/member-row";
import { OneTimePasswordModal } from "../components/one-time-password-modal";
import { RemoveMemberModal } from "../components/remove-member-modal";
import { RoleGrants } from "../components/role-grants";
import type { Member } from "../lib/types";

/**
 * Members and roles: list, invite (one-time password shown once), invitations, change role, remove — for
 * `manageMembers`; the role grants — for `readRoleGrants` (owners and compliance members).
 */
export function MembersPage() {
  const { t } = useTranslation();
  const manages = useCan("manageMembers");
  const readsGrants = useCan("readRoleGrants");
  return (
    <Stack gap="lg">
      {manages ? (
        <ManageMembers />
      ) : (
        <PageHeader title={t("members.title")} description={t("members.description")} />
      )}
      {readsGrants && <RoleGrants />}
    </Stack>
  );
}

function ManageMembers() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions());
  const [adding, add] = useDisclosure(false);
  const [added, setAdded] = useState<AddedMember | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("members.title")}
        description={t("members.description")}
        actions={<Button onClick={add.open}>{t("members.add")}</Button>}
      />
      <QueryState query={members}>
        {(rows) => (
          <Paper p={0}>
            <Table.ScrollContainer minWidth={720}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("members.columns.name")}</Table.Th>
                    <Table.Th>{t("members.columns.email")}</Table.Th>
                    <Table.Th>{t("members.columns.role")}</Table.Th>
                    <Table.Th>{t("members.columns.since")}</Table.Th>
                    <Table.Th>{t("members.columns.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((member) => (
                    <MemberRow key={member.userId} member={member} onRemove={setRemoving} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <AddMemberModal
        opened={adding}
        onClose={add.close}
        onAdded={(member) => {
          add.close();
          setAdded(member);
        }}
      />
      <InvitationsTable />
      <OneTimePasswordModal added={added} onClose={() => setAdded(null)} />
      <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
