import { describeError, serverMessage, useTRPC } from "@isoloir/ui";
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
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
    <Modal
      opened={member !== null}
      onClose={close}
      title={t("members.removeTitle", { name: member?.name ?? "" })}
      centered
    >
      <Stack gap="md">
        <Text size="sm">
          {t("members.removeBody", { name: member?.name ?? "", email: member?.email ?? "" })}
        </Text>
        {remove.error && (
          <Alert color="red" role="alert">
            {describeError(t, remove.error)} {serverMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => member && remove.mutate({ userId: member.userId })}
          >
            {t("members.remove")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
