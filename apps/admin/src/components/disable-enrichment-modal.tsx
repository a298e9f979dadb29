import { ConfirmModal, useTRPC } from "@isoloir/ui";
import { Alert, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Asks before switching a country off: its enriched data is hidden at once and deleted in the background. */
export function DisableEnrichmentModal({
  target,
  onClose,
  onDone,
}: {
  target: { country: string; name: string } | null;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // the closing modal keeps its title while it fades out
  const shown = useRef(target);
  if (target) shown.current = target;
  const [reason, setReason] = useState("");
  const set = useMutation(
    trpc.countries.setEnrichment.mutationOptions({
      onSuccess: async () => {
        notifications.show({ message: t("jurisdictions.disabled", { country: shown.current?.name ?? "" }) });
        await onDone();
        close();
      },
    }),
  );
  const close = () => {
    setReason("");
    set.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={target !== null}
      onClose={close}
      title={t("jurisdictions.disableTitle", { country: shown.current?.name ?? "" })}
      confirmLabel={t("jurisdictions.disableSubmit")}
      onConfirm={() =>
        target && set.mutate({ country: target.country, enabled: false, justification: reason.trim() })
      }
      action={set}
    >
      <Alert color="orange" variant="light">
        <Text size="sm">{t("jurisdictions.disableBody")}</Text>
      </Alert>
      <Textarea
        label={t("jurisdictions.disableReason")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
      />
    </ConfirmModal>
  );
}
