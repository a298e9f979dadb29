import { ConfirmModal, useTRPC } from "@isoloir/ui";
import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Member } from "../lib/types";

/** Asks before removing a member from the organisation (the account itself stays). */
export function RemoveMemberModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("members.removed", { name: member?.name ?? "" }) });
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
        close();
      },
    }),
  );
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={member !== null}
      onClose={close}
      title={t("members.removeTitle", { name: member?.name ?? "" })}
      confirmLabel={t("members.remove")}
      onConfirm={() => member && remove.mutate({ userId: member.userId })}
      action={remove}
    >
      <Text size="sm">
        {t("members.removeBody", { name: member?.name ?? "", email: member?.email ?? "" })}
      </Text>
    </ConfirmModal>
  );
}
