import { QueryState, useTRPC } from "@isoloir/ui";
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { BasisBadge, EffectBadge, SeverityBadge, ToCheckBadge } from "../components/rule-badges";
import { RuleCases } from "../components/rule-cases";
import { RuleCitations } from "../components/rule-citations";
import { needsPrimaryCheck, useRuleLanguage } from "../lib/rules";
import type { RuleDetail } from "../lib/types";

function Section({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper data-testid={testId}>
      <Stack gap="sm">
        <div>
          <Title order={4}>{title}</Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** P first: what was read in the primary text, then what is still to be checked. */
const byCheckLast = (a: string, b: string) => Number(needsPrimaryCheck(a)) - Number(needsPrimaryCheck(b));

function BasisSection({ rule }: { rule: RuleDetail }) {
  const { t } = useTranslation();
  const toCheck = rule.basis.some(needsPrimaryCheck);
  return (
    <Section title={t("rules.basisTitle")} hint={t("rules.basisHint")} testId="basis">
      <Stack gap="xs">
        {[...rule.basis].sort(byCheckLast).map((basis) => (
          <Group key={basis} gap="xs" wrap="wrap" data-testid={`basis-row-${basis}`}>
            <BasisBadge basis={basis} />
            <Text size="sm" fw={500}>
              {t(`rules.basis.${basis}`, { defaultValue: basis })}
            </Text>
            {needsPrimaryCheck(basis) && <ToCheckBadge />}
          </Group>
        ))}
      </Stack>
      {toCheck && (
        <Alert color="orange" variant="light" data-testid="to-check-alert">
          {t("rules.toCheckAlert")}
        </Alert>
      )}
    </Section>
  );
}

function Facts({ rule }: { rule: RuleDetail }) {
  const { t } = useTranslation();
  const validity = [
    rule.validFrom ? t("rules.validFrom", { date: rule.validFrom }) : null,
    rule.validUntil ? t("rules.validUntil", { date: rule.validUntil }) : null,
  ].filter(Boolean);
  const row = (label: string, value: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Group>
  );
  return (
    <Section title={t("rules.severityTitle")}>
      <Text size="sm" lang="en">
        {rule.severity.sanction}
      </Text>
      {row(
        t("rules.appliesTo"),
        rule.actions.map((a) => t(`rules.actions.${a}`, { defaultValue: a })).join(", "),
      )}
      {row(t("rules.force"), rule.force.map((f) => t(`rules.forces.${f}`, { defaultValue: f })).join(" + "))}
      {row(t("rules.validity"), validity.length > 0 ? validity.join(", ") : t("rules.always"))}
    </Section>
  );
}

function RuleView({ rule }: { rule: RuleDetail }) {
  const { t } = useTranslation();
  const lang = useRuleLanguage();
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={2} lang="en" data-testid="rule-title">
          {rule.title}
        </Title>
        <Group gap="xs">
          <Text span className="isoloir-mono" fw={600} data-testid="rule-id">
            {rule.id}
          </Text>
          <Badge variant="outline" color="gray">
            {rule.pack}
          </Badge>
          <EffectBadge effect={rule.effect} />
          <SeverityBadge level={rule.severity.level} />
        </Group>
      </Stack>
      <Section title={t("rules.summary")}>
        <Text lang="en">{rule.summary}</Text>
        {lang === "fr" && (
          <Text size="xs" c="dimmed">
            {t("rules.englishOnly")}
          </Text>
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <BasisSection rule={rule} />
        <Facts rule={rule} />
      </SimpleGrid>
      <Section title={t("rules.explanation")} hint={t("rules.explanationHint")} testId="explanation">
        <Text
          component="pre"
          size="sm"
          lang={lang}
          m={0}
          style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", lineHeight: 1.6 }}
        >
          {rule.explanation}
        </Text>
      </Section>
      <Section title={t("rules.citations")}>
        <RuleCitations citations={rule.citations} />
      </Section>
      <Section title={`${t("rules.cases")} (${rule.cases.length})`} hint={t("rules.casesHint")}>
        <RuleCases cases={rule.cases} />
      </Section>
    </Stack>
  );
}

/** One rule: what it does in plain words, its sources, its basis and its cases. */
export function RulePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const lang = useRuleLanguage();
  const { ruleId = "" } = useParams();
  const [params] = useSearchParams();
  const back = params.get("j");
  const rule = useQuery(trpc.rules.get.queryOptions({ id: ruleId, lang }));
  return (
    <Stack gap="md">
      <Anchor component={Link} to={back ? `/rules?j=${encodeURIComponent(back)}` : "/rules"} size="sm">
        ← {t("rules.back")}
      </Anchor>
      <QueryState query={rule}>{(data) => <RuleView rule={data} />}</QueryState>
    </Stack>
  );
}
