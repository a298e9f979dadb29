import { Badge, Checkbox, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PurgeReason } from "../../lib/types";

/** One card per reason: its plain-language description and the rule ids behind it. */
export function ReasonPicker({
  reasons,
  value,
  onChange,
}: {
  reasons: PurgeReason[];
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...value, key] : value.filter((k) => k !== key));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {reasons.map((reason) => {
        const checked = value.includes(reason.key);
        return (
          <Paper
            key={reason.key}
            p="sm"
            withBorder
            style={{ borderColor: checked ? "var(--mantine-color-indigo-5)" : undefined }}
          >
            <Stack gap={6}>
              <Checkbox
                checked={checked}
                onChange={(e) => toggle(reason.key, e.currentTarget.checked)}
                label={<Text fw={600}>{t(`purges.reasons.labels.${reason.key}`)}</Text>}
                data-testid={`reason-${reason.key}`}
              />
              <Text size="sm" c="dimmed">
                {t(`purges.reasons.descriptions.${reason.key}`)}
              </Text>
              <Group gap={4}>
                {reason.retention && (
                  <Badge size="xs" variant="light" color="grape" tt="none">
                    {t("purges.reasons.retention")}
                  </Badge>
                )}
                {reason.suppresses && (
                  <Badge size="xs" variant="light" color="orange" tt="none">
                    {t("purges.reasons.suppresses")}
                  </Badge>
                )}
              </Group>
              <Text size="xs" className="isoloir-mono" lang="en" style={{ wordBreak: "break-word" }}>
                {t("purges.reasons.rules", { rules: reason.ruleIds.join(", ") })}
              </Text>
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
