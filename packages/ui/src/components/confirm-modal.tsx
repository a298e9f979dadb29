import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeError, serverMessage } from "../lib/errors";

export interface ConfirmModalProps {
  opened: boolean;
  title: string;
  /** the red button's label: what happens when it is pressed */
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  /** the mutation the button runs: its pending state and its error, shown translated */
  action: { isPending: boolean; error: unknown };
  children: ReactNode;
}

/** Asks before something that cannot be undone: the body, the mutation's error if any, Cancel and a red confirm. */
export function ConfirmModal({
  opened,
  title,
  confirmLabel,
  onConfirm,
  onClose,
  action,
  children,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        {children}
        {action.error != null && (
          <Alert color="red" role="alert">
            {describeError(t, action.error)} {serverMessage(action.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={action.isPending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
