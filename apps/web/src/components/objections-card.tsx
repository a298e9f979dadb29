import { useFormat, useVocabLabel } from "@isoloir/ui";
import { Badge, Group, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ObjectionRow } from "../lib/types";
import { Section } from "./section";

/**
 * The contact's objections: all channels, or a list of them, each with its date, and whether a
 * suppression record backs it (it then outlives any purge) and on which identifiers.
 */
export function ObjectionsCard({ rows }: { rows: ObjectionRow[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useVocabLabel();
  return (
    <Section title={t("objections.title")} description={t("objections.description")} testId="objections">
      {rows.length === 0 ? (
        <Text c="dimmed">{t("objections.empty")}</Text>
      ) : (
        <Stack gap="xs">
          {rows.map((row) => (
            <Group key={row.id} gap="xs">
              <Text size="sm" c="dimmed" miw={140}>
                {t("objections.at", { date: f.date(row.at) })}
              </Text>
              {row.allChannels ? (
                <Badge color="red">{t("objections.all")}</Badge>
              ) : (
                row.channels.map((channel) => (
                  <Badge key={channel} color="orange" variant="light">
                    {label("channel", channel)}
                  </Badge>
                ))
              )}
              {row.suppressedBy.length > 0 ? (
                <Tooltip label={t("objections.backedHint")} multiline w={320}>
                  <Badge color="teal" variant="outline" data-testid="objection-backed">
                    {t("objections.backed", {
                      identifiers: row.suppressedBy.map((k) => t(`objections.identifiers.${k}`)).join(", "),
                    })}
                  </Badge>
                </Tooltip>
              ) : (
                <Tooltip label={t("objections.notBackedHint")} multiline w={320}>
                  <Badge color="gray" variant="outline" data-testid="objection-not-backed">
                    {t("objections.notBacked")}
                  </Badge>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
