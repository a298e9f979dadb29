import {
  describeError,
  type Role,
  roles,
  serverMessage,
  useFormat,
  useSession,
  useTRPC,
  useVocabLabel,
} from "@isoloir/ui";
import { Badge, Button, Select, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Member } from "../lib/types";

/** One member: role select (owners only by an owner), remove (asks first). One's own row is read-only. */
export function MemberRow({ member, onRemove }: { member: Member; onRemove: (m: Member) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormat();
  const label = useVocabLabel();
  const me = useSession();
  const isOwner = me.activeOrg?.role === "owner";
  const isSelf = member.userId === me.user.id;
  const locked = isSelf || (member.role === "owner" && !isOwner);
  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: async (_row, input) => {
        notifications.show({
          color: "green",
          message: t("members.roleChanged", { name: member.name, role: label("role", input.role) }),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
      },
      onError: (error) => {
        notifications.show({
          color: "red",
          title: describeError(t, error),
          message: serverMessage(error) ?? "",
        });
      },
    }),
  );
  return (
    <Table.Tr data-testid={`member-${member.email}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {member.name}{" "}
          {isSelf && (
            <Badge size="xs" variant="light" ml={4}>
              {t("members.you")}
            </Badge>
          )}
        </Text>
      </Table.Td>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td miw={200}>
        <Select
          aria-label={t("members.roleLabel", { name: member.name })}
          size="xs"
          allowDeselect={false}
          disabled={locked || changeRole.isPending}
          data={roles.map((r) => ({
            value: r,
            label: label("role", r),
            disabled: r === "owner" && !isOwner,
          }))}
          value={member.role}
          onChange={(value) =>
            value &&
            value !== member.role &&
            changeRole.mutate({ userId: member.userId, role: value as Role })
          }
        />
      </Table.Td>
      <Table.Td>{format.date(member.since)}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="subtle" color="red" disabled={locked} onClick={() => onRemove(member)}>
          {t("members.remove")}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
