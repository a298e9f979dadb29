import { Anchor, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { safeHttpUrl } from "../lib/rules";
import type { Citation } from "../lib/types";

/** A rule's legal sources: text (and its catalogue reference), article, date, link. */
export function RuleCitations({ citations }: { citations: Citation[] }) {
  const { t } = useTranslation();
  if (citations.length === 0) return <Text c="dimmed">{t("rules.noCitations")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table data-testid="citations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("rules.citationColumns.text")}</Table.Th>
            <Table.Th>{t("rules.citationColumns.article")}</Table.Th>
            <Table.Th>{t("rules.citationColumns.date")}</Table.Th>
            <Table.Th>{t("rules.citationColumns.link")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {citations.map((citation) => {
            const href = safeHttpUrl(citation.url);
            const key = [citation.ref, citation.text, citation.article, citation.date].join("|");
            return (
              <Table.Tr key={key}>
                <Table.Td maw={420}>
                  <Text size="sm">{citation.text}</Text>
                  {citation.reference && citation.reference !== citation.text && (
                    <Text size="xs" c="dimmed">
                      {citation.ref} · {citation.reference}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{citation.article ?? "—"}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{citation.date ?? "—"}</Table.Td>
                <Table.Td>
                  {href ? (
                    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                      {t("rules.citationLink")}
                    </Anchor>
                  ) : (
                    (citation.url ?? "—")
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
