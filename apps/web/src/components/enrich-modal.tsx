import { type Provider, providers, useCan, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type EnrichFilter, firstAllowed } from "../lib/enrichment";
import { EnrichPreview } from "./enrich-preview";
import { EnrichProgress } from "./enrich-progress";

function isProvider(value: string | null): value is Provider {
  return value !== null && (providers as readonly string[]).includes(value);
}

/** Provider → preview (eligible count, refusals per rule) → start → progress and outcome. */
function EnrichModal({
  opened,
  onClose,
  title,
  scope,
  filter,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  scope: string;
  filter: EnrichFilter | undefined;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const allowList = useQuery(trpc.countries.providers.queryOptions(undefined, { enabled: opened }));
  const [chosen, setChosen] = useState<Provider | null>(null);
  const [jobId, setJobIdState] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  const setJobId = (id: string | null) => {
    setEnded(false);
    setJobIdState(id);
  };
  const rows = allowList.data ?? [];
  const provider = chosen ?? firstAllowed(rows);
  const allowed = rows.find((row) => row.provider === provider)?.allowed ?? false;
  const close = () => {
    setChosen(null);
    setJobId(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="xl" centered>
      <Stack gap="md">
        <Text size="sm" c="dimmed" data-testid="enrich-scope">
          {scope}
        </Text>
        {jobId ? (
          <>
            <EnrichProgress jobId={jobId} onEnded={() => setEnded(true)} />
            <Group justify="flex-end">
              {ended && (
                <Button variant="default" onClick={() => setJobId(null)}>
                  {t("enrich.again")}
                </Button>
              )}
              <Button onClick={close}>{t("common.close")}</Button>
            </Group>
          </>
        ) : (
          <>
            <Select
              label={t("enrich.provider")}
              placeholder={t("enrich.providerPlaceholder")}
              data={providers.map((value) => {
                const name = label("provider", value);
                const ok = rows.find((row) => row.provider === value)?.allowed ?? false;
                return { value, label: ok ? name : t("enrich.providerNotAllowed", { provider: name }) };
              })}
              value={provider}
              onChange={(value) => setChosen(isProvider(value) ? value : null)}
              allowDeselect={false}
              w={320}
              maw="100%"
            />
            {provider && (
              <EnrichPreview
                key={provider}
                provider={provider}
                allowed={allowed}
                filter={filter}
                onStarted={setJobId}
              />
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * "Enrich" for the roles that may run enrichment (owner, admin, staff); nothing for the others.
 * `filter` narrows the contacts considered; eligibility is the server's to decide.
 */
export function EnrichButton({
  filter,
  title,
  scope,
}: {
  filter: EnrichFilter | undefined;
  title: string;
  scope: string;
}) {
  const { t } = useTranslation();
  const canRun = useCan("runEnrichment");
  const [opened, setOpened] = useState(false);
  if (!canRun) return null;
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)} data-testid="enrich-open">
        {t("enrich.button")}
      </Button>
      <EnrichModal
        opened={opened}
        onClose={() => setOpened(false)}
        title={title}
        scope={scope}
        filter={filter}
      />
    </>
  );
}
