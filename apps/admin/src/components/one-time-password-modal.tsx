import { useFormat, useVocabLabel } from "@isoloir/ui";
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AddedMember } from "./add-member-modal";

/**
 * Shows an invitation and its one-time password, once: the parent drops it from memory on close, and the
 * server never returns it again. The same dialog whether or not the email had an account — the server's
 * answer does not say, and neither does this: the password opens a new account only.
 */
export function OneTimePasswordModal({ added, onClose }: { added: AddedMember | null; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useVocabLabel();
  const format = useFormat();
  return (
    <Modal
      opened={added !== null}
      onClose={onClose}
      title={t("members.otpTitle")}
      centered
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {added && (
        <Stack gap="md">
          <Text size="sm">
            {t("members.otpIntro", {
              email: added.email,
              role: label("role", added.role),
              expires: format.date(added.expiresAt),
            })}
          </Text>
          <Text size="sm">{t("members.otpNewAccount")}</Text>
          <Group gap="sm" wrap="nowrap">
            <Code fz="lg" p="sm" style={{ flex: 1 }} data-testid="one-time-password">
              {added.oneTimePassword}
            </Code>
            <CopyButton value={added.oneTimePassword}>
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
      )}
    </Modal>
  );
}
