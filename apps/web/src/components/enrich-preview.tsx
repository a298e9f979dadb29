import { describeError, type Provider, QueryState, serverMessage, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type EnrichFilter, refusalRows } from "../lib/enrichment";
import { RefusalChart } from "./refusal-chart";

/**
 * Before starting: how many of the contacts considered are eligible for this provider, and per rule id
 * why the others are not; then Start (refused by the server when the provider is not allowed).
 */
export function EnrichPreview({
  provider,
  allowed,
  filter,
  onStarted,
}: {
  provider: Provider;
  allowed: boolean;
  filter: EnrichFilter | undefined;
  onStarted: (jobId: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const preview = useQuery(trpc.enrichment.preview.queryOptions({ provider, filter }, { staleTime: 0 }));
  const start = useMutation(
    trpc.enrichment.start.mutationOptions({ onSuccess: (started) => onStarted(started.jobId) }),
  );
  return (
    <QueryState query={preview}>
      {(data) => {
        const rows = refusalRows(data);
        return (
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
              <Stack gap={2} style={{ flex: "1 1 320px" }}>
                <Text fz={28} fw={700} lh={1.2} data-testid="enrich-eligible">
                  {t("enrich.eligible", { count: data.eligible, total: data.total })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("enrich.eligibleHint")}
                </Text>
              </Stack>
              <Button
                onClick={() => start.mutate({ provider, filter })}
                loading={start.isPending}
                disabled={!allowed || data.eligible === 0}
              >
                {t("enrich.start")}
              </Button>
            </Group>
            {!allowed && (
              <Alert color="orange" role="alert" data-testid="provider-not-allowed">
                {t("enrich.notAllowed", { provider: label("provider", provider) })}
              </Alert>
            )}
            {allowed && data.eligible === 0 && (
              <Alert color="gray" variant="light">
                {t("enrich.nobody")}
              </Alert>
            )}
            {start.error && (
              <Alert color="red" role="alert">
                {describeError(t, start.error)} {serverMessage(start.error)}
              </Alert>
            )}
            <Stack gap={2}>
              <Title order={4} size="h5">
                {t("enrich.refusalsTitle")}
              </Title>
              <Text size="xs" c="dimmed">
                {t("enrich.refusalsHint")}
              </Text>
            </Stack>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("enrich.noRefusals")}
              </Text>
            ) : (
              <RefusalChart rows={rows} testId="refusal-chart" />
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
