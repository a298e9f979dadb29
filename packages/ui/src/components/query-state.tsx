import { Alert, Button, Center, Group, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { describeError, serverMessage } from "../lib/errors";

/** A centred spinner with an accessible label. */
export function Loading({ minHeight = 160 }: { minHeight?: number | string }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-label={t("common.loading")}>
      <Loader />
    </Center>
  );
}

/** A failed call, translated, with the server's detail and a retry button. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = serverMessage(error);
  return (
    <Alert color="red" title={t("errors.title")} role="alert">
      <Text size="sm">{describeError(t, error)}</Text>
      {detail && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("errors.details", { message: detail })}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </Group>
      )}
    </Alert>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders a query's loading and error states, and its data through `children` once it is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined)
    return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
