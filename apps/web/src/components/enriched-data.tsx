import { QueryState, useCan, useFormat, useTRPC, useVocabLabel } from "@isoloir/ui";
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentRow, EnrichmentRow } from "../lib/types";
import { RemoveEnrichmentModal } from "./remove-enrichment-modal";
import { Section } from "./section";

/** A link to a third-party page only when it is plain http(s); no third-party image is ever loaded. */
function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: "anywhere" }}>
        {children}
      </Text>
    </Stack>
  );
}

function ExternalLink({ url, children }: { url: string | null; children: ReactNode }) {
  const f = useFormat();
  const href = safeHttpUrl(url);
  if (!href) return <>{f.empty}</>;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
      {children}
    </Anchor>
  );
}

/** A lookup that found nobody is kept too (so a re-run makes no new call): every field is empty. */
const isEmpty = (row: EnrichmentRow) =>
  [row.handle, row.profileUrl, row.photoUrl, row.location, row.bio, row.followers].every((v) => v === null);

function ProviderCard({
  row,
  consent,
  onRemove,
}: {
  row: EnrichmentRow;
  consent?: ConsentRow;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useVocabLabel();
  const name = label("provider", row.provider);
  return (
    <Paper p="md" bg="gray.0" data-testid={`enriched-${row.provider}`}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color="indigo" size="lg" tt="none">
              {name}
            </Badge>
            <Text size="sm" c="dimmed">
              {t("enriched.fetchedAt", { date: f.dateTime(row.fetchedAt) })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" data-testid="enriched-consent">
            {t("enriched.consentLine", {
              consent: consent
                ? t("enriched.consentOf", {
                    scope: label("scope", consent.scope),
                    date: f.date(consent.capturedAt),
                  })
                : t("enriched.consentUnknown", { id: row.consentId.slice(0, 8) }),
            })}{" "}
            <Text span className="isoloir-mono" title={row.consentId}>
              ({row.consentId.slice(0, 8)})
            </Text>
          </Text>
        </Stack>
        {onRemove && (
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={onRemove}
            aria-label={t("enriched.removeLabel", { provider: name })}
          >
            {t("enriched.remove")}
          </Button>
        )}
      </Group>
      {isEmpty(row) ? (
        <Text size="sm" c="dimmed" data-testid="enriched-no-profile">
          {t("enriched.noProfile", { provider: name })}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <Field label={t("enriched.fields.handle")}>{f.text(row.handle)}</Field>
          <Field label={t("enriched.fields.profile")}>
            <ExternalLink url={row.profileUrl}>{t("enriched.openProfile")}</ExternalLink>
          </Field>
          <Field label={t("enriched.fields.photo")}>
            <ExternalLink url={row.photoUrl}>{t("enriched.openPhoto")}</ExternalLink>
          </Field>
          <Field label={t("enriched.fields.location")}>{f.text(row.location)}</Field>
          <Field label={t("enriched.fields.followers")}>{f.number(row.followers)}</Field>
          <Field label={t("enriched.fields.bio")}>{f.text(row.bio)}</Field>
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** A contact's enriched data per provider, with when and under which consent it was obtained. */
export function EnrichedData({ contactId, consents }: { contactId: string; consents: ConsentRow[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const canRemove = useCan("runEnrichment");
  const enriched = useQuery(trpc.enrichment.forContact.queryOptions({ contactId }));
  const [removing, setRemoving] = useState<EnrichmentRow | null>(null);
  return (
    <Section title={t("enriched.title")} description={t("enriched.description")} testId="enriched">
      <QueryState query={enriched}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed" data-testid="enriched-empty">
              {t("enriched.empty")}
            </Text>
          ) : (
            <Stack gap="md">
              {rows.map((row) => (
                <ProviderCard
                  key={row.id}
                  row={row}
                  consent={consents.find((c) => c.id === row.consentId)}
                  onRemove={canRemove ? () => setRemoving(row) : undefined}
                />
              ))}
              <Text size="xs" c="dimmed">
                {t("enriched.externalNote")}
              </Text>
            </Stack>
          )
        }
      </QueryState>
      <RemoveEnrichmentModal
        contactId={contactId}
        provider={removing?.provider ?? null}
        providerName={removing ? label("provider", removing.provider) : ""}
        onClose={() => setRemoving(null)}
      />
    </Section>
  );
}
