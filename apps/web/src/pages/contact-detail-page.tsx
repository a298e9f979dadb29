import { PageHeader, QueryState, useTRPC } from "@isoloir/ui";
import { Anchor, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ConsentLedger } from "../components/consent-ledger";
import { EnrichButton } from "../components/enrich-modal";
import { EnrichedData } from "../components/enriched-data";
import { IdentityCard } from "../components/identity-card";
import { ObjectionsCard } from "../components/objections-card";
import { ProvenanceTable } from "../components/provenance-table";
import { contactName } from "../lib/contact-name";

/** One contact: identity, provenance, consent ledger, enriched data and objections; "Enrich" for this one contact. */
export function ContactDetailPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { id = "" } = useParams();
  const detail = useQuery(trpc.contacts.get.queryOptions({ id }));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/contacts" size="sm">
        ← {t("contact.back")}
      </Anchor>
      <QueryState query={detail}>
        {(data) => {
          const name = contactName(data.contact) || t("contacts.unnamed");
          return (
            <Stack gap="lg">
              <PageHeader
                title={name}
                description={t("contact.description")}
                actions={
                  <EnrichButton
                    filter={{ contactIds: [data.contact.id] }}
                    title={t("enrich.titleContact")}
                    scope={t("enrich.scopeContact", { name })}
                  />
                }
              />
              <IdentityCard contact={data.contact} />
              <ProvenanceTable rows={data.provenance} />
              <ConsentLedger rows={data.consents} contactId={data.contact.id} />
              <EnrichedData contactId={data.contact.id} consents={data.consents} />
              <ObjectionsCard rows={data.objections} />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
