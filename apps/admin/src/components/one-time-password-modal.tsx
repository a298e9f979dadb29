import { useVocabLabel } from "@isoloir/ui";
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AddedMember } from "./add-member-modal";

/**
 * Shows a new member's one-time password, once: the parent drops it from memory on close, and the
 * server never returns it again. An existing account gets a plain confirmation instead.
 */
export function OneTimePasswordModal({ added, onClose }: { added: AddedMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useVocabLabel();
  const password = added?.oneTimePassword;
  return (
    <Modal
      opened={added !== null}
      onClose={onClose}
      title={password ? t("members.otpTitle") : t("members.addTitle")}
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {added && password ? (
        <Stack gap="md">
          <Text size="sm">{t("members.otpIntro", { email: added.email })}</Text>
          <Group gap="sm" wrap="nowrap">
            <Code fz="lg" p="sm" style={{ flex: 1 }} data-testid="one-time-password">
              {password}
            </Code>
            <CopyButton value={password}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? "filled" : "light"}
                  color={copied ? "green" : undefined}
                  onClick={copy}
                >
                  {copied ? t("common.copied") : t("common.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="orange" role="alert">
            {t("members.otpWarning")}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t("members.otpDone")}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            {t("members.existingAccount", { email: added?.email ?? "", role: label("role", added?.role) })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t("common.close")}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
