import { PageHeader, QueryState, useCan, useTRPC } from "@isoloir/ui";
import { Alert, Stack } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CountrySwitches, type SwitchRequest } from "../components/country-switches";
import { DisableEnrichmentModal } from "../components/disable-enrichment-modal";
import { EnableEnrichmentModal } from "../components/enable-enrichment-modal";
import { ProviderAllowList } from "../components/provider-allow-list";

/**
 * Jurisdictions (invariant 6): each country's enrichment switch, off until an owner or admin turns it
 * on with a justification (and, for a French political organisation, the CNIL 2016 confirmation),
 * with its history; and the networks enrichment may call. Compliance reads it only; staff and volunteers
 * do not see it (staff get the provider list in the web app's Enrich dialog).
 */
export function JurisdictionsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useCan("manageEnrichment");
  const countries = useQuery(trpc.countries.list.queryOptions());
  const requirements = useQuery(trpc.countries.switchRequirements.queryOptions());
  const [request, setRequest] = useState<SwitchRequest | null>(null);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.countries.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.countries.history.queryKey() }),
    ]);
  };
  return (
    <Stack gap="lg">
      <PageHeader title={t("jurisdictions.title")} description={t("jurisdictions.description")} />
      <Alert color="indigo" variant="light">
        {t("jurisdictions.intro")}
      </Alert>
      {!canEdit && (
        <Alert color="orange" variant="light" data-testid="read-only-note">
          {t("jurisdictions.readOnly")}
        </Alert>
      )}
      <QueryState query={countries}>
        {(rows) => <CountrySwitches rows={rows} canEdit={canEdit} onRequest={setRequest} />}
      </QueryState>
      <ProviderAllowList canEdit={canEdit} />
      {requirements.data && (
        <EnableEnrichmentModal
          target={request?.enable ? request : null}
          requirements={requirements.data}
          onClose={() => setRequest(null)}
          onDone={refresh}
        />
      )}
      <DisableEnrichmentModal
        target={request && !request.enable ? request : null}
        onClose={() => setRequest(null)}
        onDone={refresh}
      />
    </Stack>
  );
}
