import { useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { TitledTable } from "./titled-table";

/** Who granted which role to whom, and when (`members.roleGrants`: owners and compliance members). */
export function RoleGrants() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const format = useFormat();
  const label = useVocabLabel();
  const grants = useQuery(trpc.members.roleGrants.queryOptions());
  const columns = ["member", "role", "grantedBy", "grantedAt"].map((c) => t(`members.grantColumns.${c}`));
  return (
    <TitledTable
      testId="role-grants"
      title={t("members.grants")}
      hint={t("members.grantsHint")}
      query={grants}
      columns={columns}
      row={(grant) => (
        <Table.Tr key={`${grant.name}-${grant.grantedAt}`} data-testid={`grant-${grant.name}`}>
          <Table.Td>{grant.name}</Table.Td>
          <Table.Td>{label("role", grant.role)}</Table.Td>
          <Table.Td>{grant.grantedBy ?? t("members.grantedByUnknown")}</Table.Td>
          <Table.Td>{format.dateTime(grant.grantedAt)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
