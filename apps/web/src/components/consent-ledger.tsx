import { useCan, useFormat, useVocabLabel } from "@isoloir/ui";
import { Badge, Button, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ConsentStatus, consentStatus } from "../lib/consent-status";
import type { ConsentRow } from "../lib/types";
import { Section } from "./section";
import { WithdrawConsentModal } from "./withdraw-consent-modal";

const statusColour = { valid: "green", withdrawn: "gray", invalid: "red" } as const;
const rowBackground = {
  valid: undefined,
  withdrawn: "var(--mantine-color-gray-1)",
  invalid: "var(--mantine-color-red-0)",
} as const;

function StatusCell({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        color={statusColour[status.kind]}
        variant={status.kind === "valid" ? "light" : "filled"}
        style={{ overflow: "visible" }}
        data-testid="consent-status"
      >
        {t(`consents.status.${status.kind}`)}
      </Badge>
      {status.kind === "invalid" && (
        <Text size="xs" c="red.8">
          {status.reasons.map((r) => t(`consents.reasons.${r}`)).join(" · ")}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The consent ledger (invariant 4): each purpose × channel grant, its evidence and notice; bad rows
 * stand out. A consent not yet withdrawn can be withdrawn here (roles with export/import).
 */
export function ConsentLedger({ rows, contactId }: { rows: ConsentRow[]; contactId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useVocabLabel();
  const canWithdraw = useCan("exportImport");
  const [withdrawing, setWithdrawing] = useState<ConsentRow | null>(null);
  return (
    <Section title={t("consents.title")} description={t("consents.description")} testId="consents">
      {rows.length === 0 ? (
        <Text c="dimmed">{t("consents.empty")}</Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={960}>
            <Table highlightOnHover={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("consents.columns.scope")}</Table.Th>
                  <Table.Th miw={140}>{t("consents.columns.status")}</Table.Th>
                  <Table.Th>{t("consents.columns.mechanism")}</Table.Th>
                  <Table.Th>{t("consents.columns.capturedAt")}</Table.Th>
                  <Table.Th>{t("consents.columns.withdrawnAt")}</Table.Th>
                  <Table.Th>{t("consents.columns.evidence")}</Table.Th>
                  <Table.Th>{t("consents.columns.notice")}</Table.Th>
                  <Table.Th>{t("consents.columns.bundled")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const status = consentStatus(row);
                  return (
                    <Table.Tr
                      key={row.id}
                      bg={rowBackground[status.kind]}
                      data-status={status.kind}
                      data-scope={row.scope}
                      data-testid={`consent-${row.id}`}
                    >
                      <Table.Td fw={500} td={status.kind === "withdrawn" ? "line-through" : undefined}>
                        {label("scope", row.scope)}
                      </Table.Td>
                      <Table.Td>
                        <StatusCell status={status} />
                        {canWithdraw && !row.withdrawnAt && (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            mt={6}
                            onClick={() => setWithdrawing(row)}
                            aria-label={t("consents.withdrawLabel", { scope: label("scope", row.scope) })}
                          >
                            {t("consents.withdraw")}
                          </Button>
                        )}
                      </Table.Td>
                      <Table.Td
                        c={row.mechanism === "pre_ticked" || row.mechanism === "none" ? "red.8" : undefined}
                      >
                        {label("mechanism", row.mechanism)}
                      </Table.Td>
                      <Table.Td>{f.dateTime(row.capturedAt)}</Table.Td>
                      <Table.Td>{f.dateTime(row.withdrawnAt)}</Table.Td>
                      <Table.Td>
                        <Text className="isoloir-mono" c={row.evidenceRef ? undefined : "red.8"}>
                          {f.text(row.evidenceRef)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text className="isoloir-mono" title={row.noticeId ?? undefined}>
                          {row.noticeId ? row.noticeId.slice(0, 8) : f.empty}
                        </Text>
                      </Table.Td>
                      <Table.Td c={row.bundled ? "red.8" : undefined}>
                        {row.bundled ? t("common.yes") : t("common.no")}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="sm">
            {t("consents.legend")}
          </Text>
          <WithdrawConsentModal
            contactId={contactId}
            consent={withdrawing}
            onClose={() => setWithdrawing(null)}
          />
        </>
      )}
    </Section>
  );
}
