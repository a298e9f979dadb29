import { ErrorAlert, PageHeader, useTRPC } from "@isoloir/ui";
import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { DiffChart } from "../components/diff-chart";
import { DiffEntry } from "../components/diff-entry";
import { ExportFileInput, type LoadedExport } from "../components/export-file-input";
import { useRuleLanguage } from "../lib/rules";
import type { RuleSetDiff } from "../lib/types";

function DiffResult({ diff }: { diff: RuleSetDiff }) {
  const { t } = useTranslation();
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  const group = (kind: "removed" | "added" | "changed", count: number, children: ReactNode) => (
    <Stack gap="sm" data-testid={`${kind}-rules`}>
      <Title order={3}>
        {t(`changes.${kind}`)} ({count})
      </Title>
      {count === 0 ? <Text c="dimmed">{t("changes.none")}</Text> : children}
    </Stack>
  );
  return (
    <Stack gap="lg" data-testid="diff-result">
      <Paper>
        <Stack gap="xs">
          <Group justify="space-between" wrap="wrap">
            <Title order={4}>{t("changes.counts")}</Title>
            <Text size="xs" c="dimmed" className="isoloir-mono">
              {t("changes.versions", { base: diff.base.policySetVersion, head: diff.head.policySetVersion })}
            </Text>
          </Group>
          <DiffChart added={diff.added.length} removed={diff.removed.length} changed={diff.changed.length} />
          <Text size="sm" c="dimmed" data-testid="unchanged">
            {t("changes.unchanged", { count: diff.unchanged })}
          </Text>
        </Stack>
      </Paper>
      {total === 0 && <Alert color="green">{t("changes.identical")}</Alert>}
      {group(
        "removed",
        diff.removed.length,
        diff.removed.map((r) => (
          <DiffEntry key={r.id} kind="removed" id={r.id} title={r.title} before={r.before} after={null} />
        )),
      )}
      {group(
        "added",
        diff.added.length,
        diff.added.map((r) => (
          <DiffEntry key={r.id} kind="added" id={r.id} title={r.title} before={null} after={r.after} />
        )),
      )}
      {group(
        "changed",
        diff.changed.length,
        diff.changed.map((r) => (
          <DiffEntry
            key={r.id}
            kind="changed"
            id={r.id}
            title={r.title}
            before={r.before}
            after={r.after}
            fields={r.fields}
          />
        )),
      )}
    </Stack>
  );
}

/** Two exports of the rules (or one and the current rules), compared and explained. */
export function ChangesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const lang = useRuleLanguage();
  const [base, setBase] = useState<LoadedExport | null>(null);
  const [headFile, setHeadFile] = useState<LoadedExport | null>(null);
  const [headSource, setHeadSource] = useState<"file" | "current">("file");
  const current = useQuery({ ...trpc.rules.current.queryOptions(), enabled: headSource === "current" });
  const diff = useMutation(trpc.rules.diff.mutationOptions());
  const head = headSource === "current" ? (current.data ?? null) : (headFile?.data ?? null);
  const ready = base !== null && head !== null;
  const compared = useRef<{ base: unknown; head: unknown } | null>(null);
  const compare = (language: "fr" | "en") => {
    if (!base || !head) return;
    compared.current = { base: base.data, head };
    diff.mutate({ base: base.data, head, lang: language });
  };
  // a shown comparison follows the language switch
  const { mutate } = diff;
  useEffect(() => {
    const last = compared.current;
    if (last) mutate({ ...last, lang });
  }, [lang, mutate]);
  const reset = () => {
    compared.current = null;
    diff.reset();
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t("changes.title")} description={t("changes.description")} />
      <Paper>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <ExportFileInput
              label={t("changes.before")}
              description={t("changes.beforeHint")}
              testId="base-file"
              onLoad={(loaded) => {
                setBase(loaded);
                reset();
              }}
            />
            <Stack gap={6}>
              <Group gap="sm">
                <Text size="sm" fw={500} id="head-source-label">
                  {t("changes.afterSource")}
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-labelledby="head-source-label"
                  value={headSource}
                  onChange={(value) => {
                    setHeadSource(value === "current" ? "current" : "file");
                    reset();
                  }}
                  data={[
                    { value: "file", label: t("changes.afterFile") },
                    { value: "current", label: t("changes.afterCurrent") },
                  ]}
                />
              </Group>
              {headSource === "file" ? (
                <ExportFileInput
                  label={t("changes.after")}
                  description={t("changes.afterHint")}
                  testId="head-file"
                  onLoad={(loaded) => {
                    setHeadFile(loaded);
                    reset();
                  }}
                />
              ) : current.error ? (
                <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t("changes.currentHint", { version: current.data?.policySetVersion ?? "…" })}
                </Text>
              )}
            </Stack>
          </SimpleGrid>
          <Group>
            <Button onClick={() => compare(lang)} disabled={!ready} loading={diff.isPending}>
              {t("changes.compare")}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {diff.error && <ErrorAlert error={diff.error} />}
      {diff.data && <DiffResult diff={diff.data} />}
    </Stack>
  );
}
