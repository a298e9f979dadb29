import { Avatar, Group, Menu, Modal, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useHref, useNavigate } from "react-router";
import { ChangePasswordForm } from "../auth/change-password-form";
import { useResetSession, useSession } from "../auth/session";
import { useTRPC } from "../lib/trpc";
import { useVocabLabel } from "../lib/vocab-label";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** The signed-in user: role, organisation switch, change password, sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useSession();
  const label = useVocabLabel();
  const navigate = useNavigate();
  const signInHref = useHref("/sign-in");
  const resetSession = useResetSession();
  const [passwordOpen, password] = useDisclosure(false);
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // a full page load: nothing of the previous session stays in memory, and no stale ?next= is kept
      onSettled: () => {
        resetSession.signedOut();
        window.location.replace(signInHref);
      },
    }),
  );
  const switchOrg = useMutation(
    trpc.auth.switchOrganisation.mutationOptions({
      onSuccess: async () => {
        await resetSession.signedIn();
        navigate("/", { replace: true });
      },
    }),
  );
  const otherOrgs = me.organisations.filter((o) => o.orgId !== me.activeOrg?.orgId);
  return (
    <>
      <Menu position="bottom-end" width={260} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={t("shell.userMenu")} data-testid="user-menu">
            <Group gap="xs" wrap="nowrap">
              <Avatar color="indigo" radius="xl" size={32}>
                {initials(me.user.name)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
                {me.user.name}
              </Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t("shell.signedInAs")}</Menu.Label>
          <Text size="sm" px="sm" fw={500} truncate>
            {me.user.email}
          </Text>
          {me.activeOrg && (
            <Text size="xs" px="sm" pb="xs" c="dimmed">
              {t("shell.roleIn", { role: label("role", me.activeOrg.role), org: me.activeOrg.name })}
            </Text>
          )}
          {otherOrgs.length > 0 && (
            <>
              <Menu.Divider />
              <Menu.Label>{t("shell.switchOrganisation")}</Menu.Label>
              {otherOrgs.map((org) => (
                <Menu.Item key={org.orgId} onClick={() => switchOrg.mutate({ orgId: org.orgId })}>
                  {org.name}
                </Menu.Item>
              ))}
            </>
          )}
          <Menu.Divider />
          <Menu.Item onClick={password.open}>{t("shell.changePassword")}</Menu.Item>
          <Menu.Item color="red" onClick={() => signOut.mutate(undefined)}>
            {t("shell.signOut")}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={passwordOpen} onClose={password.close} title={t("auth.changePasswordTitle")} centered>
        <ChangePasswordForm onDone={password.close} onCancel={password.close} />
      </Modal>
    </>
  );
}
