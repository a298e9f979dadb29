import { useCan, useSession, useTRPC } from "@isoloir/ui";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

/**
 * Who a user id is, for histories: a member's name when the role may list members (owner, admin),
 * "you" for oneself, and otherwise "a member" — the API does not hand names to other roles.
 */
export function useMemberName(): (userId: string | null | undefined) => string {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const session = useSession();
  const canList = useCan("manageMembers");
  const members = useQuery(
    trpc.members.list.queryOptions(undefined, { enabled: canList, staleTime: 60_000 }),
  );
  return (userId) => {
    if (!userId) return t("jurisdictions.aMember");
    if (userId === session.user.id) return t("jurisdictions.you", { name: session.user.name });
    return members.data?.find((m) => m.userId === userId)?.name ?? t("jurisdictions.aMember");
  };
}
