import {
  PageHeader,
  QueryState,
  type SourceKind,
  sourceKinds,
  useFormat,
  useTRPC,
  useVocabLabel,
} from "@isoloir/ui";
import { Anchor, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { EnrichButton } from "../components/enrich-modal";
import { contactName } from "../lib/contact-name";
import { listFilter } from "../lib/enrichment";

const pageSize = 25;

function isSource(value: string | null): value is SourceKind {
  return value !== null && (sourceKinds as readonly string[]).includes(value);
}

/** The state of the list lives in the URL (?q=&source=&page=), so back and reload keep it. */
function useListParams() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const source = params.get("source");
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { page, q: params.get("q") ?? "", source: isSource(source) ? source : undefined, update };
}

/**
 * Server-side paginated contacts, searchable by name or email (debounced), filterable by source; "Enrich"
 * considers the contacts of the current filter.
 */
export function ContactsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const label = useVocabLabel();
  const format = useFormat();
  const { page, q, source, update } = useListParams();
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // only a new debounced search moves the URL (back/forward may change ?q= under a stale input)
  const lastSearch = useRef(debounced);
  useEffect(() => {
    if (debounced === lastSearch.current) return;
    lastSearch.current = debounced;
    update({ q: debounced || null, page: null });
  }, [debounced, update]);
  const list = useQuery({
    ...trpc.contacts.list.queryOptions({ page, pageSize, search: q || undefined, source }),
    placeholderData: keepPreviousData,
  });
  const sourceOptions = sourceKinds.map((value) => ({ value, label: label("source", value) }));
  const filter = listFilter({ source, q });
  const filters = [
    source && t("enrich.filterSource", { source: label("source", source) }),
    q && t("enrich.filterSearch", { search: q }),
  ].filter(Boolean);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("contacts.title")}
        description={t("contacts.description")}
        actions={
          <EnrichButton
            filter={filter}
            title={t("enrich.titleList")}
            scope={
              filters.length ? t("enrich.scopeList", { filters: filters.join(", ") }) : t("enrich.scopeAll")
            }
          />
        }
      />
      <Paper p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            label={t("contacts.searchLabel")}
            placeholder={t("contacts.searchPlaceholder")}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: "1 1 260px" }}
          />
          <Select
            label={t("contacts.sourceLabel")}
            placeholder={t("contacts.sourcePlaceholder")}
            data={sourceOptions}
            value={source ?? null}
            onChange={(value) => update({ source: value, page: null })}
            clearable
            searchable
            style={{ flex: "1 1 260px" }}
          />
        </Group>
      </Paper>
      <QueryState query={list}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <Paper p={0}>
              <Group justify="space-between" px="md" py="sm">
                <Text fw={600} data-testid="contacts-total">
                  {t("contacts.total", { count: data.total })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("common.pageOf", { page: data.page, pages })}
                </Text>
              </Group>
              <Table.ScrollContainer minWidth={760}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("contacts.columns.name")}</Table.Th>
                      <Table.Th>{t("contacts.columns.email")}</Table.Th>
                      <Table.Th>{t("contacts.columns.phone")}</Table.Th>
                      <Table.Th>{t("contacts.columns.place")}</Table.Th>
                      <Table.Th>{t("contacts.columns.country")}</Table.Th>
                      <Table.Th>{t("contacts.columns.added")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/contacts/${c.id}`} fw={500}>
                            {contactName(c) || t("contacts.unnamed")}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{format.text(c.email)}</Table.Td>
                        <Table.Td>{format.text(c.phone)}</Table.Td>
                        <Table.Td>
                          {[c.postalCode, c.city].filter(Boolean).join(" ") || format.empty}
                        </Table.Td>
                        <Table.Td>{format.text(c.country)}</Table.Td>
                        <Table.Td>{format.date(c.createdAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {data.items.length === 0 && (
                <Text c="dimmed" ta="center" py="xl">
                  {t("contacts.empty")}
                </Text>
              )}
              {pages > 1 && (
                <Group justify="center" py="md">
                  <Pagination
                    total={pages}
                    value={Math.min(page, pages)}
                    onChange={(p) => update({ page: p > 1 ? String(p) : null })}
                    aria-label={t("contacts.pagination")}
                  />
                </Group>
              )}
            </Paper>
          );
        }}
      </QueryState>
    </Stack>
  );
}
