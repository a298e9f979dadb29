import { PageHeader, QueryState, useTRPC } from "@isoloir/ui";
import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FourEyesCard } from "../components/four-eyes-card";
import { OrganisationForm } from "../components/organisation-form";

/** Controller identity and contact, DPO contact, four-eyes purge approval. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const org = useQuery(trpc.organisation.get.queryOptions());
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader title={t("organisation.title")} description={t("organisation.description")} />
      <QueryState query={org}>
        {(data) => (
          <Stack gap="lg">
            <OrganisationForm key={data.id} org={data} />
            <FourEyesCard org={data} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
