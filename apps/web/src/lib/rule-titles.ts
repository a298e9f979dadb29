import { currentLanguage, useCan, useTRPC } from "@isoloir/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/**
 * Rule id → title (written in English in `policies/`), for naming refusal reasons; empty until loaded
 * or when the role may not read the rules — the id alone then names the rule.
 */
export function useRuleTitles(): (id: string) => string | undefined {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const canRead = useCan("readRules");
  const rules = useQuery(
    trpc.rules.list.queryOptions({ lang: currentLanguage(i18n) }, { enabled: canRead, staleTime: 300_000 }),
  );
  return (id) => rules.data?.rules.find((rule) => rule.id === id)?.title;
}

/** The admin app's page for a rule (another app on the same origin: a plain link, not a route). */
export const ruleHref = (id: string) => `/admin/rules/${encodeURIComponent(id)}`;
