import { Button, Center, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown when the member's role lacks the capability a page needs. */
export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Center mih={240}>
      <Paper maw={480} data-testid="forbidden">
        <Stack gap="xs">
          <Title order={3}>{t("forbidden.title")}</Title>
          <Text c="dimmed">{t("forbidden.body")}</Text>
        </Stack>
      </Paper>
    </Center>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Center mih={240}>
      <Paper maw={480}>
        <Stack gap="xs" align="flex-start">
          <Title order={3}>{t("notFound.title")}</Title>
          <Text c="dimmed">{t("notFound.body")}</Text>
          <Button component={Link} to="/" variant="light">
            {t("notFound.home")}
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
