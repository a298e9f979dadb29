import { Badge, Group, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { decisionColor, effectColor, needsPrimaryCheck, severityColor } from "../lib/rules";

/** One basis tag: green for P (primary text read), orange for every other (to be checked). */
export function BasisBadge({ basis }: { basis: string }) {
  const { t } = useTranslation();
  const meaning = t(`rules.basis.${basis}`, { defaultValue: basis });
  const check = needsPrimaryCheck(basis);
  const badge = (
    <Badge
      color={check ? "orange" : "green"}
      variant={check ? "light" : "filled"}
      data-testid={`basis-${basis}`}
      data-to-check={check}
    >
      {basis}
    </Badge>
  );
  return (
    <Tooltip label={check ? `${meaning} — ${t("rules.toCheck")}` : meaning} withArrow>
      {badge}
    </Tooltip>
  );
}

export function BasisBadges({ basis }: { basis: readonly string[] }) {
  return (
    <Group gap={4} wrap="nowrap">
      {basis.map((b) => (
        <BasisBadge key={b} basis={b} />
      ))}
    </Group>
  );
}

/** The warning every non-P basis carries. */
export function ToCheckBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="outline" size="sm" data-testid="to-check">
      {t("rules.toCheck")}
    </Badge>
  );
}

export function EffectBadge({ effect }: { effect: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={effectColor[effect] ?? "gray"} variant="light">
      {t(`rules.effects.${effect}`, { defaultValue: effect })}
    </Badge>
  );
}

export function SeverityBadge({ level }: { level: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={severityColor[level] ?? "gray"} variant="dot">
      {t(`rules.severities.${level}`, { defaultValue: level })}
    </Badge>
  );
}

export function DecisionBadge({ decision }: { decision: string | null }) {
  const { t } = useTranslation();
  if (!decision) return <Badge color="gray">{t("rules.noExpectation")}</Badge>;
  return (
    <Badge color={decisionColor[decision] ?? "gray"} variant="light">
      {t(`rules.decisions.${decision}`, { defaultValue: decision })}
    </Badge>
  );
}
