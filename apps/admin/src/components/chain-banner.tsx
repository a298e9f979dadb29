import { ErrorAlert, useTRPC } from "@isoloir/ui";
import { Alert, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/** The audit chain's verification: green with the entry count, or red naming the first broken entry. */
export function ChainBanner() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const verify = useQuery(trpc.audit.verify.queryOptions(undefined, { staleTime: 0 }));
  if (verify.isPending) return <Alert color="gray">{t("audit.verifying")}</Alert>;
  if (verify.error) return <ErrorAlert error={verify.error} onRetry={() => void verify.refetch()} />;
  const report = verify.data;
  if (report.firstBroken) {
    return (
      <Alert color="red" variant="filled" role="alert" data-testid="chain-status" data-status="broken">
        {t("audit.broken", {
          seq: report.firstBroken.seq,
          reason: t(`audit.reasons.${report.firstBroken.reason}`),
        })}
      </Alert>
    );
  }
  return (
    <Alert color="green" variant="light" data-testid="chain-status" data-status="verified">
      <Text size="sm" fw={600}>
        {t("audit.verified", { count: report.entries })}
      </Text>
      <Text size="xs" c="dimmed" className="isoloir-mono">
        {t("audit.head", { hash: report.headHash })}
      </Text>
    </Alert>
  );
}
