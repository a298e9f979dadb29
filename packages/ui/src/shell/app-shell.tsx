import { AppShell, Badge, Burger, Group, NavLink, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, matchPath, Outlet, useLocation } from "react-router";
import { useSession } from "../auth/session";
import { LanguageSwitch } from "./language-switch";
import { PendingInvitations } from "./pending-invitations";
import { UserMenu } from "./user-menu";

export interface NavItem {
  to: string;
  label: string;
  /** match only this exact path (for "/") */
  end?: boolean;
}

/**
 * Header (brand, app, organisation, language, user menu) and a navigation bar that collapses into a
 * burger on small screens. Pages render in the <Outlet/>.
 */
export function IsoloirShell({
  appLabel,
  nav,
  children,
}: {
  appLabel: string;
  nav: NavItem[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("shell.toggleNav")}
            />
            <Text fw={800} size="lg" c="indigo">
              {t("brand")}
            </Text>
            <Badge variant="light" color="gray" visibleFrom="xs">
              {appLabel}
            </Badge>
            {me.activeOrg && (
              <Text size="sm" c="dimmed" visibleFrom="md" truncate data-testid="org-name">
                {me.activeOrg.name}
              </Text>
            )}
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={appLabel}>
        <Stack gap={4}>
          {nav.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              onClick={close}
              active={matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <PendingInvitations />
        {me.activeOrg ? (children ?? <Outlet />) : <Text c="dimmed">{t("shell.noOrganisation")}</Text>}
      </AppShell.Main>
    </AppShell>
  );
}
