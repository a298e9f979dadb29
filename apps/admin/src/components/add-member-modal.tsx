import {
  describeError,
  type Role,
  roles,
  serverMessage,
  useSession,
  useTRPC,
  useVocabLabel,
} from "@isoloir/ui";
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { looksLikeEmail } from "../lib/email";

export interface AddedMember {
  email: string;
  role: Role;
  expiresAt: string;
  oneTimePassword: string;
}

/** Email, name, role: an invitation. Only an owner may invite another owner. Hands the result (with its one-time password) up. */
export function AddMemberModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: (m: AddedMember) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const label = useVocabLabel();
  const me = useSession();
  const isOwner = me.activeOrg?.role === "owner";
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("staff");
  const [tried, setTried] = useState(false);
  const add = useMutation(
    trpc.members.add.mutationOptions({
      onSuccess: async (added) => {
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.members.invitations.queryKey() });
        setEmail("");
        setName("");
        setRole("staff");
        setTried(false);
        onAdded(added);
      },
    }),
  );
  const close = () => {
    add.reset();
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!looksLikeEmail(email) || !name.trim()) return;
    add.mutate({ email: email.trim(), name: name.trim(), role });
  };
  return (
    <Modal opened={opened} onClose={close} title={t("members.addTitle")} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("members.addHint")}
          </Text>
          {add.error && (
            <Alert color="red" role="alert">
              {describeError(t, add.error)} {serverMessage(add.error)}
            </Alert>
          )}
          <TextInput
            label={t("members.email")}
            type="email"
            required
            data-autofocus
            value={email}
            error={tried && !looksLikeEmail(email) ? t("organisation.invalidEmail") : undefined}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextInput
            label={t("members.name")}
            required
            value={name}
            error={tried && !name.trim() ? t("organisation.required") : undefined}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label={t("members.role")}
            allowDeselect={false}
            data={roles.map((r) => ({
              value: r,
              label: label("role", r),
              disabled: r === "owner" && !isOwner,
            }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            description={isOwner ? undefined : t("members.ownerOnly")}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t("members.addSubmit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
