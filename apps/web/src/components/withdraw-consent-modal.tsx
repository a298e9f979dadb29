import { ConfirmModal, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentRow } from "../lib/types";

/**
 * Asks before withdrawing a consent. The server deletes what derives from it (enriched data) in the
 * same transaction, so the ledger and the enriched data are both refreshed afterwards.
 */
export function WithdrawConsentModal({
  contactId,
  consent,
  onClose,
}: {
  contactId: string;
  consent: ConsentRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const queryClient = useQueryClient();
  const shown = useRef(consent);
  if (consent) shown.current = consent;
  const scope = label("scope", shown.current?.scope);
  const withdraw = useMutation(
    trpc.contacts.withdrawConsent.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("consents.withdrawn", { scope }) });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contacts.get.queryKey({ id: contactId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.enrichment.forContact.queryKey({ contactId }) }),
        ]);
        close();
      },
    }),
  );
  const close = () => {
    withdraw.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={consent !== null}
      onClose={close}
      title={t("consents.withdrawTitle", { scope })}
      confirmLabel={t("consents.withdrawSubmit")}
      onConfirm={() => consent && withdraw.mutate({ contactId, consentId: consent.id })}
      action={withdraw}
    >
      <Text size="sm">{t("consents.withdrawBody")}</Text>
    </ConfirmModal>
  );
}
