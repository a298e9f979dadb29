import { ErrorAlert, sourceKinds, useTRPC, useVocabLabel } from "@isoloir/ui";
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PurgeReason } from "../../lib/types";
import { ReasonPicker } from "./reason-picker";

type Source = (typeof sourceKinds)[number];

interface Scope {
  importId: string;
  sources: Source[];
  from: string;
  to: string;
  provider: string;
}

const emptyScope: Scope = { importId: "", sources: [], from: "", to: "", provider: "" };

/** Only the scope fields that were filled in. */
function scopeInput(s: Scope) {
  return {
    ...(s.importId.trim() ? { importId: s.importId.trim() } : {}),
    ...(s.sources.length > 0 ? { sources: s.sources } : {}),
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
    ...(s.provider.trim() ? { provider: s.provider.trim() } : {}),
  };
}

/** Step 1: reasons, an optional scope and the granularity; "compute the plan" freezes its targets. */
export function PlanForm({
  reasons,
  onPlanned,
}: {
  reasons: PurgeReason[];
  onPlanned: (planId: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const label = useVocabLabel();
  const [picked, setPicked] = useState<string[]>([]);
  const [scope, setScope] = useState<Scope>(emptyScope);
  const [granularity, setGranularity] = useState<"auto" | "derived">("auto");
  const [tried, setTried] = useState(false);
  const create = useMutation(
    trpc.purge.create.mutationOptions({
      onSuccess: async (plan) => {
        notifications.show({ message: t("purges.planned") });
        await queryClient.invalidateQueries({ queryKey: trpc.purge.list.queryKey() });
        onPlanned(plan.id);
      },
    }),
  );
  const badDates = !!scope.from && !!scope.to && scope.from > scope.to;
  const submit = () => {
    setTried(true);
    if (picked.length === 0 || badDates) return;
    const keys = reasons.map((r) => r.key).filter((k) => picked.includes(k));
    create.mutate({ reasons: keys, scope: scopeInput(scope), granularity });
  };
  const set = <K extends keyof Scope>(key: K, value: Scope[K]) => setScope((s) => ({ ...s, [key]: value }));
  return (
    <Stack gap="lg">
      <Paper>
        <Stack gap="sm">
          <Title order={4}>{t("purges.reasons.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("purges.reasons.hint")}
          </Text>
          <ReasonPicker reasons={reasons} value={picked} onChange={setPicked} />
          {tried && picked.length === 0 && (
            <Alert color="red" role="alert">
              {t("purges.reasons.none")}
            </Alert>
          )}
        </Stack>
      </Paper>
      <Paper>
        <Stack gap="sm">
          <Title order={4}>{t("purges.scope.title")}</Title>
          <Text size="sm" c="dimmed">
            {t("purges.scope.hint")}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t("purges.scope.importId")}
              description={t("purges.scope.importIdHint")}
              value={scope.importId}
              onChange={(e) => set("importId", e.currentTarget.value)}
            />
            <TextInput
              label={t("purges.scope.provider")}
              description={t("purges.scope.providerHint")}
              value={scope.provider}
              onChange={(e) => set("provider", e.currentTarget.value)}
            />
            <MultiSelect
              label={t("purges.scope.sources")}
              data={sourceKinds.map((s) => ({ value: s, label: label("source", s) }))}
              value={scope.sources}
              onChange={(v) => set("sources", v as Source[])}
              searchable
              clearable
            />
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t("purges.scope.from")}
                value={scope.from}
                onChange={(e) => set("from", e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t("purges.scope.to")}
                value={scope.to}
                onChange={(e) => set("to", e.currentTarget.value)}
                error={badDates ? t("purges.scope.badDates") : undefined}
              />
            </Group>
          </SimpleGrid>
          <Radio.Group
            label={t("purges.scope.granularity")}
            value={granularity}
            onChange={(v) => setGranularity(v === "derived" ? "derived" : "auto")}
          >
            <Stack gap={6} mt={6}>
              <Radio value="auto" label={t("purges.scope.auto")} />
              <Radio value="derived" label={t("purges.scope.derived")} />
            </Stack>
          </Radio.Group>
        </Stack>
      </Paper>
      {create.error && <ErrorAlert error={create.error} />}
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} data-testid="compute-plan">
          {create.isPending ? t("purges.planning") : t("purges.plan")}
        </Button>
      </Group>
    </Stack>
  );
}
