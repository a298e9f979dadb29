import { describeError, QueryState, serverMessage, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** The networks an enrichment may call: one switch each, off until an owner or admin allows it. */
export function ProviderAllowList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const queryClient = useQueryClient();
  const providers = useQuery(trpc.countries.providers.queryOptions());
  const set = useMutation(
    trpc.countries.setProvider.mutationOptions({
      onSuccess: async (_row, input) => {
        const provider = label("provider", input.provider);
        notifications.show({
          message: input.allowed
            ? t("jurisdictions.providerOn", { provider })
            : t("jurisdictions.providerOff", { provider }),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.countries.providers.queryKey() });
      },
    }),
  );
  return (
    <Paper component="section" aria-label={t("jurisdictions.providersTitle")} data-testid="providers">
      <Stack gap={2} mb="md">
        <Title order={3} size="h4">
          {t("jurisdictions.providersTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("jurisdictions.providersHint")}
        </Text>
      </Stack>
      <QueryState query={providers}>
        {(rows) => (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
            {rows.map((row) => (
              <Paper
                key={row.provider}
                p="md"
                bg={row.allowed ? "teal.0" : undefined}
                data-testid={`provider-${row.provider}`}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={4}>
                    <Text fw={600}>{label("provider", row.provider)}</Text>
                    <Badge color={row.allowed ? "teal" : "gray"} variant="light" w="fit-content">
                      {row.allowed
                        ? t("jurisdictions.providerAllowed")
                        : t("jurisdictions.providerNotAllowed")}
                    </Badge>
                  </Stack>
                  <Switch
                    size="md"
                    checked={row.allowed}
                    disabled={!canEdit || set.isPending}
                    aria-label={t("jurisdictions.providerLabel", {
                      provider: label("provider", row.provider),
                    })}
                    onChange={(e) => set.mutate({ provider: row.provider, allowed: e.currentTarget.checked })}
                  />
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      {set.error && (
        <Alert color="red" role="alert" mt="md">
          {describeError(t, set.error)} {serverMessage(set.error)}
        </Alert>
      )}
    </Paper>
  );
}
