import { describeError, serverMessage, useCan, useTRPC, useVocabLabel } from "@isoloir/ui";
import {
  Alert,
  Button,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { looksLikeEmail } from "../lib/email";
import type { Organisation } from "../lib/types";

type Values = {
  name: string;
  controllerName: string;
  controllerAddress: string;
  controllerEmail: string;
  dpoName: string;
  dpoEmail: string;
};

function initialValues(org: Organisation): Values {
  return {
    name: org.name,
    controllerName: org.controllerName,
    controllerAddress: org.controllerAddress,
    controllerEmail: org.controllerEmail,
    dpoName: org.dpoName ?? "",
    dpoEmail: org.dpoEmail ?? "",
  };
}

function problemsOf(v: Values) {
  return {
    name: !v.name.trim(),
    controllerName: !v.controllerName.trim(),
    controllerEmail: !looksLikeEmail(v.controllerEmail),
    dpoEmail: v.dpoEmail.trim() !== "" && !looksLikeEmail(v.dpoEmail),
  };
}

/** Organisation name, controller identity and contact, DPO contact: one save, audited by the server. */
export function OrganisationForm({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const label = useVocabLabel();
  const canEdit = useCan("manageOrgSettings");
  const [values, setValues] = useState(() => initialValues(org));
  const [tried, setTried] = useState(false);
  const update = useMutation(
    trpc.organisation.update.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: "green", message: t("common.saved") });
        await queryClient.invalidateQueries({ queryKey: trpc.organisation.get.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const problems = problemsOf(values);
  const field = (key: keyof Values) => ({
    value: values[key],
    disabled: !canEdit,
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(problems).some(Boolean)) return;
    update.mutate({
      name: values.name.trim(),
      controllerName: values.controllerName.trim(),
      controllerAddress: values.controllerAddress.trim(),
      controllerEmail: values.controllerEmail.trim(),
      dpoName: values.dpoName.trim() || null,
      dpoEmail: values.dpoEmail.trim() || null,
    });
  };
  const err = (bad: boolean, message: string) => (tried && bad ? message : undefined);
  return (
    <Paper component="form" onSubmit={submit} noValidate>
      <Stack gap="lg">
        {!canEdit && <Alert color="gray">{t("organisation.readOnly")}</Alert>}
        {update.error && (
          <Alert color="red" role="alert">
            {describeError(t, update.error)} {serverMessage(update.error)}
          </Alert>
        )}
        <Stack gap="sm">
          <Title order={4}>{t("organisation.identity")}</Title>
          <TextInput
            label={t("organisation.name")}
            required
            {...field("name")}
            error={err(problems.name, t("organisation.required"))}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t("organisation.kind")}
              value={label("orgKind", org.kind)}
              readOnly
              variant="filled"
            />
            <TextInput label={t("organisation.country")} value={org.country} readOnly variant="filled" />
            <TextInput label={t("organisation.slug")} value={org.slug} readOnly variant="filled" />
          </SimpleGrid>
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={4}>{t("organisation.controller")}</Title>
          <Text size="sm" c="dimmed">
            {t("organisation.controllerHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("organisation.controllerName")}
              required
              {...field("controllerName")}
              error={err(problems.controllerName, t("organisation.required"))}
            />
            <TextInput
              label={t("organisation.controllerEmail")}
              type="email"
              required
              {...field("controllerEmail")}
              error={err(problems.controllerEmail, t("organisation.invalidEmail"))}
            />
          </SimpleGrid>
          <Textarea
            label={t("organisation.controllerAddress")}
            autosize
            minRows={2}
            {...field("controllerAddress")}
          />
        </Stack>
        <Divider />
        <Stack gap="sm">
          <Title order={4}>{t("organisation.dpo")}</Title>
          <Text size="sm" c="dimmed">
            {t("organisation.dpoHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("organisation.dpoName")} {...field("dpoName")} />
            <TextInput
              label={t("organisation.dpoEmail")}
              type="email"
              {...field("dpoEmail")}
              error={err(problems.dpoEmail, t("organisation.invalidEmail"))}
            />
          </SimpleGrid>
        </Stack>
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
