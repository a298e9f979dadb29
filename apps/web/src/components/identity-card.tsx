import { useFormat } from "@isoloir/ui";
import { SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContactDetail } from "../lib/types";
import { Section } from "./section";

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

/** Identity and contact fields, and the counters the rules read (messages, consent requests, last contact). */
export function IdentityCard({ contact }: { contact: ContactDetail["contact"] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const fields: [string, string][] = [
    ["email", f.text(contact.email)],
    ["phone", f.text(contact.phone)],
    ["address", f.text(contact.addressLine)],
    ["postalCode", f.text(contact.postalCode)],
    ["city", f.text(contact.city)],
    ["country", f.text(contact.country)],
    ["birthName", f.text(contact.birthName)],
    ["birthDate", contact.birthDate ? f.date(`${contact.birthDate}T12:00:00`) : f.empty],
    ["birthYear", contact.birthYear ? String(contact.birthYear) : f.empty],
    ["createdAt", f.dateTime(contact.createdAt)],
    ["messagesSent", f.number(contact.messagesSent)],
    ["consentRequestsSent", f.number(contact.consentRequestsSent)],
    ["lastMessageAt", f.dateTime(contact.lastMessageAt)],
    ["lastPositiveInteractionAt", f.dateTime(contact.lastPositiveInteractionAt)],
  ];
  return (
    <Section title={t("contact.identity")} testId="identity">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="md">
        {fields.map(([key, value]) => (
          <Field key={key} label={t(`contact.fields.${key}`)} value={value} />
        ))}
      </SimpleGrid>
    </Section>
  );
}
