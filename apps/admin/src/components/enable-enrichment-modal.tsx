import { describeError, serverMessage, useTRPC } from "@isoloir/ui";
import {
  Alert,
  Blockquote,
  Button,
  Checkbox,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SwitchRequirements } from "../lib/types";

interface Target {
  country: string;
  name: string;
}

/** Which field a BAD_REQUEST names ("justification: …", "confirmation: …"), if any. */
function fieldOf(error: unknown): "justification" | "confirmation" | null {
  const message = serverMessage(error) ?? "";
  if (message.startsWith("justification")) return "justification";
  if (message.startsWith("confirmation")) return "confirmation";
  return null;
}

/**
 * Switching a country on: a written justification (its minimum length shown and checked) and, for a
 * French political organisation, the CNIL 2016 sentence in full with "I confirm" — the request then
 * carries that exact sentence. The server checks both again.
 */
export function EnableEnrichmentModal({
  target,
  requirements,
  onClose,
  onDone,
}: {
  target: Target | null;
  requirements: SwitchRequirements;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // the closing modal keeps its title while it fades out
  const shown = useRef(target);
  if (target) shown.current = target;
  const [justification, setJustification] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [tried, setTried] = useState(false);
  const min = requirements.minJustificationLength;
  const length = justification.trim().length;
  const tooShort = length < min;
  const needsConfirmation = requirements.cnil2016ConfirmationRequired;
  const set = useMutation(
    trpc.countries.setEnrichment.mutationOptions({
      onSuccess: async () => {
        notifications.show({
          color: "green",
          message: t("jurisdictions.enabled", { country: shown.current?.name ?? "" }),
        });
        await onDone();
        close();
      },
    }),
  );
  const close = () => {
    setJustification("");
    setConfirmed(false);
    setTried(false);
    set.reset();
    onClose();
  };
  const submit = () => {
    setTried(true);
    if (!target || tooShort || (needsConfirmation && !confirmed)) return;
    set.mutate({
      country: target.country,
      enabled: true,
      justification: justification.trim(),
      confirmation: needsConfirmation ? requirements.cnil2016Confirmation : undefined,
    });
  };
  const serverField = set.error ? fieldOf(set.error) : null;
  const justificationError =
    (tried && tooShort && t("jurisdictions.justificationTooShort", { min, count: length })) ||
    (serverField === "justification" && serverMessage(set.error));
  const confirmationError =
    (tried && needsConfirmation && !confirmed && t("jurisdictions.cnilRequired")) ||
    (serverField === "confirmation" && serverMessage(set.error));
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={t("jurisdictions.enableTitle", { country: shown.current?.name ?? "" })}
      size="lg"
      centered
    >
      <Stack gap="md">
        <Text size="sm">{t("jurisdictions.enableIntro")}</Text>
        <Textarea
          label={t("jurisdictions.justification")}
          description={t("jurisdictions.justificationHint", { min })}
          placeholder={t("jurisdictions.justificationPlaceholder")}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          error={justificationError || undefined}
          autosize
          minRows={3}
          maxLength={2000}
          required
          data-autofocus
        />
        <Text
          size="xs"
          c={tooShort ? "dimmed" : "teal.8"}
          mt={-8}
          ta="right"
          data-testid="justification-count"
        >
          {t("jurisdictions.justificationCount", { count: length, min })}
        </Text>
        {needsConfirmation && (
          <Stack gap="xs" data-testid="cnil-2016">
            <Title order={5}>{t("jurisdictions.cnilTitle")}</Title>
            <Text size="xs" c="dimmed">
              {t("jurisdictions.cnilHint")}
            </Text>
            <Blockquote color="indigo" p="md" lang="fr" data-testid="cnil-2016-text">
              <Text size="sm">{requirements.cnil2016Confirmation}</Text>
            </Blockquote>
            <Checkbox
              label={t("jurisdictions.cnilConfirm")}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              error={confirmationError || undefined}
            />
          </Stack>
        )}
        {set.error && !serverField && (
          <Alert color="red" role="alert">
            {describeError(t, set.error)} {serverMessage(set.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} loading={set.isPending}>
            {t("jurisdictions.enableSubmit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
