import { ConfirmModal, type Provider, useTRPC } from "@isoloir/ui";
import { Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";

/** Asks before deleting one provider's enriched data of a contact ("remove enrichment", audited). */
export function RemoveEnrichmentModal({
  contactId,
  provider,
  providerName,
  onClose,
}: {
  contactId: string;
  provider: Provider | null;
  providerName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // the closing modal keeps its wording while it fades out
  const shown = useRef(providerName);
  if (provider) shown.current = providerName;
  const remove = useMutation(
    trpc.enrichment.remove.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("enriched.removed", { provider: shown.current }) });
        await queryClient.invalidateQueries({ queryKey: trpc.enrichment.forContact.queryKey({ contactId }) });
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
      opened={provider !== null}
      onClose={close}
      title={t("enriched.removeTitle", { provider: shown.current })}
      confirmLabel={t("enriched.remove")}
      onConfirm={() => provider && remove.mutate({ contactId, provider })}
      action={remove}
    >
      <Text size="sm">{t("enriched.removeBody", { provider: shown.current })}</Text>
    </ConfirmModal>
  );
}
