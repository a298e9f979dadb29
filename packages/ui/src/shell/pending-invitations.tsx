import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { describeError } from "../lib/errors";
import { useFormat } from "../lib/format";
import { useTRPC } from "../lib/trpc";
import { useVocabLabel } from "../lib/vocab-label";

/**
 * The signed-in user's pending invitations (`members.myInvitations`), each with "Accept": joining an
 * organisation takes the invitee's own consent, in their own session (`members.acceptInvitation`).
 */
export function PendingInvitations() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const label = useVocabLabel();
  const format = useFormat();
  const invitations = useQuery(trpc.members.myInvitations.queryOptions());
  const accept = useMutation(
    trpc.members.acceptInvitation.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.members.myInvitations.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const pending = invitations.data ?? [];
  if (pending.length === 0) return null;
  return (
    <Stack gap="sm" mb="lg" data-testid="pending-invitations">
      {accept.error && (
        <Alert color="red" role="alert">
          {describeError(t, accept.error)}
        </Alert>
      )}
      {pending.map((invitation) => (
        <Alert key={invitation.invitationId} color="indigo" title={t("invitations.title")}>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              {t("invitations.body", {
                org: invitation.orgName,
                role: label("role", invitation.role),
                expires: format.date(invitation.expiresAt),
              })}
            </Text>
            <Button
              size="xs"
              loading={accept.isPending && accept.variables?.invitationId === invitation.invitationId}
              onClick={() => accept.mutate({ invitationId: invitation.invitationId })}
            >
              {t("invitations.accept")}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
