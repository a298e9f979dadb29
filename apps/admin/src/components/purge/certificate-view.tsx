import { ErrorAlert, QueryState, useFormat, useTRPC } from "@isoloir/ui";
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { downloadText } from "../../lib/purge";
import type { PurgeCertificate, PurgeVerification } from "../../lib/types";

/** A small table: text cells left, numbers right; `mono` columns (ids) in a fixed-width face. */
function CountTable({
  head,
  rows,
  testId,
  mono = [],
}: {
  head: string[];
  rows: (string | number)[][];
  testId: string;
  mono?: number[];
}) {
  const format = useFormat();
  const numeric = (i: number) => typeof rows[0]?.[i] === "number";
  return (
    <Table data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={h} ta={numeric(i) ? "right" : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.join("|")}>
            {row.map((cell, i) => (
              <Table.Td
                key={head[i] ?? i}
                ta={typeof cell === "number" ? "right" : undefined}
                className={mono.includes(i) ? "isoloir-mono" : undefined}
              >
                {typeof cell === "number" ? format.number(cell) : cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Proof({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: "break-all" }}>
        {children}
      </Text>
    </Stack>
  );
}

function Verification({ result }: { result: PurgeVerification }) {
  const { t } = useTranslation();
  return (
    <Alert
      color={result.ok ? "teal" : "red"}
      data-testid="verification"
      data-ok={String(result.ok)}
      title={result.ok ? t("purges.certificate.valid") : t("purges.certificate.invalid")}
    >
      <List size="sm" spacing={2}>
        {result.checks.map((c) => (
          <List.Item key={c.name}>
            <Text span size="sm" lang="en">
              {c.name}
            </Text>{" "}
            <Badge size="xs" color={c.ok ? "teal" : "red"} tt="none">
              {c.ok ? t("purges.certificate.checkOk") : t("purges.certificate.checkFailed")}
            </Badge>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function CertificateBody({ data }: { data: PurgeCertificate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const verify = useMutation(trpc.purge.verify.mutationOptions());
  const { body } = data.certificate;
  const counts = body.counts;
  const reasonLabel = (r: string) => t(`purges.reasons.labels.${r}`, { defaultValue: r });
  return (
    <Stack gap="lg" data-testid="certificate">
      <Paper>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3}>{t("purges.certificate.title")}</Title>
            <Group gap="xs">
              <Button
                variant="light"
                onClick={() =>
                  downloadText(
                    `purge-certificate-${body.plan.id}.json`,
                    `${JSON.stringify(data.certificate, null, 2)}\n`,
                    "application/json",
                  )
                }
                data-testid="download-certificate"
              >
                {t("purges.certificate.download")}
              </Button>
              <Button
                variant="light"
                onClick={() => downloadText(`purge-certificate-${body.plan.id}.html`, data.page, "text/html")}
              >
                {t("purges.certificate.downloadPage")}
              </Button>
              <Button
                onClick={() => verify.mutate({ certificate: data.certificate })}
                loading={verify.isPending}
                data-testid="verify-certificate"
              >
                {verify.isPending ? t("purges.certificate.verifying") : t("purges.certificate.verify")}
              </Button>
            </Group>
          </Group>
          <Text data-testid="certificate-intro">
            {t("purges.certificate.intro", {
              org: body.organisation.name,
              deleted: format.number(counts.deleted),
              gone: format.number(counts.alreadyGone),
              planned: format.number(counts.planned),
              version: body.plan.policyVersion,
              needsHuman: format.number(counts.needsHuman),
            })}
          </Text>
          {verify.error && <ErrorAlert error={verify.error} />}
          {verify.data && <Verification result={verify.data} />}
        </Stack>
      </Paper>
      <Paper>
        <Stack gap="xs">
          <Title order={5}>{t("purges.certificate.who")}</Title>
          <CountTable
            testId="certificate-who"
            head={[
              t("purges.certificate.role"),
              t("purges.certificate.member"),
              t("purges.certificate.when"),
            ]}
            mono={[1]}
            rows={[
              [t("purges.certificate.plannedBy"), body.plan.plannedBy, format.dateTime(body.plan.plannedAt)],
              [
                t("purges.certificate.approvedBy"),
                body.plan.approvedBy,
                format.dateTime(body.plan.approvedAt),
              ],
              [
                t("purges.certificate.runBy"),
                body.run.runBy,
                `${format.dateTime(body.run.startedAt)} → ${format.dateTime(body.run.finishedAt)}`,
              ],
            ]}
          />
        </Stack>
      </Paper>
      <Paper>
        <Stack gap="xs">
          <Title order={5}>{t("purges.certificate.byReason")}</Title>
          <CountTable
            testId="certificate-by-reason"
            head={[
              t("purges.review.reason"),
              t("purges.certificate.planned"),
              t("purges.certificate.deleted"),
              t("purges.certificate.alreadyGone"),
            ]}
            rows={Object.entries(counts.byReason).map(([r, n]) => [
              reasonLabel(r),
              n.planned,
              n.deleted,
              n.alreadyGone,
            ])}
          />
        </Stack>
      </Paper>
      <Paper>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
          <Stack gap="xs">
            <Title order={5}>{t("purges.certificate.byRule")}</Title>
            <CountTable
              testId="certificate-by-rule"
              head={[t("purges.review.rule"), t("purges.review.targets")]}
              rows={Object.entries(counts.byRule)}
              mono={[0]}
            />
          </Stack>
          <Stack gap="xs">
            <Title order={5}>{t("purges.certificate.byTable")}</Title>
            <CountTable
              testId="certificate-by-table"
              head={[t("purges.certificate.table"), t("purges.certificate.rows")]}
              rows={Object.entries(counts.byTable)}
              mono={[0]}
            />
          </Stack>
        </SimpleGrid>
      </Paper>
      <Paper>
        <Stack gap="xs">
          <Title order={5}>{t("purges.certificate.proof")}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Proof label={t("purges.certificate.policyVersion")}>
              <Code data-testid="certificate-policy-version">{body.plan.policyVersion}</Code>
            </Proof>
            <Proof label={t("purges.certificate.planHash")}>
              <Code data-testid="certificate-plan-hash">{body.plan.hash}</Code>
            </Proof>
            <Proof label={t("purges.certificate.fingerprint")}>
              <Code data-testid="certificate-fingerprint">{data.certificate.keyFingerprint}</Code>
            </Proof>
            <Proof label={t("purges.certificate.erasureDigest")}>
              <Code>{body.audit.erasureDigest}</Code>
            </Proof>
          </SimpleGrid>
          <Text size="sm">
            {t("purges.certificate.auditEntries", {
              from: body.audit.runStarted.seq,
              to: body.audit.runCompleted.seq,
              batches: body.audit.batches.length,
            })}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
            {t("purges.certificate.signature")}
            <br />
            <span className="isoloir-mono">{data.certificate.signature}</span>
          </Text>
          <Text size="xs" c="dimmed">
            {t("purges.certificate.issuedAt", { at: format.dateTime(body.issuedAt) })}
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** Step 5: the certificate as a readable page, its JSON download, the printable page, and "verify". */
export function CertificateView({ planId, ready }: { planId: string; ready: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const certificate = useQuery({ ...trpc.purge.certificate.queryOptions({ planId }), enabled: ready });
  if (!ready) return <Alert color="gray">{t("purges.certificate.notReady")}</Alert>;
  return <QueryState query={certificate}>{(data) => <CertificateBody data={data} />}</QueryState>;
}
