import { packsOf } from "@isoloir/policy/vocabulary";
import { PageHeader, QueryState, useCan, useTRPC } from "@isoloir/ui";
import {
  Anchor,
  Button,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { BasisBadges, EffectBadge, SeverityBadge } from "../components/rule-badges";
import { isJurisdiction, jurisdictions, useRuleLanguage } from "../lib/rules";
import type { RuleRow } from "../lib/types";

function matches(rule: RuleRow, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [rule.id, rule.title, rule.summary, rule.explanation].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}

function RuleTable({ rules, jurisdiction }: { rules: RuleRow[]; jurisdiction: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("rules.columns.rule")}</Table.Th>
            <Table.Th>{t("rules.columns.pack")}</Table.Th>
            <Table.Th>{t("rules.columns.effect")}</Table.Th>
            <Table.Th>{t("rules.columns.basis")}</Table.Th>
            <Table.Th>{t("rules.columns.severity")}</Table.Th>
            <Table.Th ta="right">{t("rules.columns.cases")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id} data-testid={`rule-${rule.id}`}>
              <Table.Td maw={460}>
                <Anchor
                  component={Link}
                  to={`/rules/${encodeURIComponent(rule.id)}?j=${jurisdiction}`}
                  fw={600}
                  size="sm"
                  className="isoloir-mono"
                  aria-label={t("rules.open", { id: rule.id })}
                >
                  {rule.id}
                </Anchor>
                <Text size="sm" lang="en">
                  {rule.title}
                </Text>
              </Table.Td>
              <Table.Td>{rule.pack}</Table.Td>
              <Table.Td miw={200}>
                <EffectBadge effect={rule.effect} />
              </Table.Td>
              <Table.Td>
                <BasisBadges basis={rule.basis} />
              </Table.Td>
              <Table.Td miw={120}>
                <SeverityBadge level={rule.severity.level} />
              </Table.Td>
              <Table.Td ta="right">{rule.caseCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The rule set by jurisdiction, searchable; a rule's id opens its detail. */
export function RulesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const lang = useRuleLanguage();
  const canDiff = useCan("readDiffs");
  const [params, setParams] = useSearchParams();
  const selected = params.get("j");
  const jurisdiction = selected === "all" ? "all" : isJurisdiction(selected) ? selected : "FR";
  const query = params.get("q") ?? "";
  const rules = useQuery({
    ...trpc.rules.list.queryOptions({
      jurisdiction: jurisdiction === "all" ? undefined : jurisdiction,
      lang,
    }),
    placeholderData: keepPreviousData,
  });
  const update = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("rules.title")}
        description={t("rules.description")}
        actions={
          canDiff && (
            <Button component={Link} to="/changes" variant="light">
              {t("rules.compare")}
            </Button>
          )
        }
      />
      <Stack gap={6}>
        <Text size="sm" fw={500} id="jurisdiction-label">
          {t("rules.jurisdiction")}
        </Text>
        <ScrollArea type="auto" offsetScrollbars>
          <SegmentedControl
            aria-labelledby="jurisdiction-label"
            data-testid="jurisdiction"
            value={jurisdiction}
            onChange={(value) => update("j", value)}
            data={[...jurisdictions, "all" as const].map((j) => ({
              value: j,
              label: t(`rules.jurisdictions.${j}`),
            }))}
          />
        </ScrollArea>
        {jurisdiction !== "all" && (
          <Text size="xs" c="dimmed">
            {t("rules.packsNote", { packs: packsOf[jurisdiction].join(" + ") })}
          </Text>
        )}
      </Stack>
      <QueryState query={rules}>
        {(data) => {
          const shown = data.rules.filter((r) => matches(r, query));
          return (
            <Paper p={0}>
              <Group justify="space-between" px="md" py="sm" gap="sm" wrap="wrap">
                <TextInput
                  label={t("rules.search")}
                  placeholder={t("rules.searchPlaceholder")}
                  value={query}
                  onChange={(e) => update("q", e.currentTarget.value)}
                  w={340}
                  maw="100%"
                />
                <Stack gap={0} align="flex-end">
                  <Text fw={600} data-testid="rule-count">
                    {t("rules.count", { count: shown.length })}
                  </Text>
                  <Text size="xs" c="dimmed" className="isoloir-mono">
                    {t("rules.version", { version: data.policySetVersion })}
                  </Text>
                </Stack>
              </Group>
              <RuleTable rules={shown} jurisdiction={jurisdiction} />
              {shown.length === 0 && (
                <Text c="dimmed" ta="center" py="xl">
                  {t("rules.empty")}
                </Text>
              )}
            </Paper>
          );
        }}
      </QueryState>
    </Stack>
  );
}
