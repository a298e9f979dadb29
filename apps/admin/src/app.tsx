import {
  type Capability,
  Forbidden,
  IsoloirShell,
  type NavItem,
  NotFound,
  RequireAuth,
  RequireCapability,
  SignInPage,
  useSession,
} from "@isoloir/ui";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes } from "react-router";
import { AuditPage } from "./pages/audit-page";
import { ChangesPage } from "./pages/changes-page";
import { JurisdictionsPage } from "./pages/jurisdictions-page";
import { MembersPage } from "./pages/members-page";
import { OrganisationPage } from "./pages/organisation-page";
import { PurgeNewPage } from "./pages/purge-new-page";
import { PurgePlanPage } from "./pages/purge-plan-page";
import { PurgesPage } from "./pages/purges-page";
import { RulePage } from "./pages/rule-page";
import { RulesPage } from "./pages/rules-page";

/** A page for members with any of these capabilities (the members page: managers, and readers of role grants). */
function RequireAnyCapability({
  capabilities,
  children,
}: {
  capabilities: Capability[];
  children: ReactNode;
}) {
  const me = useSession();
  return capabilities.some((c) => me.capabilities.includes(c)) ? children : <Forbidden />;
}

/** The navigation shows only what the member's role may open. */
function AdminShell() {
  const { t } = useTranslation();
  const { capabilities } = useSession();
  const nav: NavItem[] = [
    { to: "/organisation", label: t("nav.organisation") },
    ...(capabilities.includes("manageMembers") || capabilities.includes("readRoleGrants")
      ? [{ to: "/members", label: t("nav.members") }]
      : []),
    ...(capabilities.includes("readJurisdictions")
      ? [{ to: "/jurisdictions", label: t("nav.jurisdictions") }]
      : []),
    ...(capabilities.includes("readAudit") ? [{ to: "/audit", label: t("nav.audit") }] : []),
    ...(capabilities.includes("readRules") ? [{ to: "/rules", label: t("nav.rules") }] : []),
    ...(capabilities.includes("readDiffs") ? [{ to: "/changes", label: t("nav.changes") }] : []),
    ...(capabilities.includes("planPurge") ? [{ to: "/purges", label: t("nav.purges") }] : []),
  ];
  return <IsoloirShell appLabel={t("app.label")} nav={nav} />;
}

/** Organisation admins: settings, members and roles, jurisdictions (enrichment switches), audit log, rules and their changes, purges. */
export function App() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage appLabel={t("app.label")} />} />
      <Route
        element={
          <RequireAuth>
            <AdminShell />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/organisation" replace />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route
          path="members"
          element={
            <RequireAnyCapability capabilities={["manageMembers", "readRoleGrants"]}>
              <MembersPage />
            </RequireAnyCapability>
          }
        />
        <Route
          path="jurisdictions"
          element={
            <RequireCapability capability="readJurisdictions">
              <JurisdictionsPage />
            </RequireCapability>
          }
        />
        <Route path="countries" element={<Navigate to="/jurisdictions" replace />} />
        <Route
          path="audit"
          element={
            <RequireCapability capability="readAudit">
              <AuditPage />
            </RequireCapability>
          }
        />
        <Route
          path="rules"
          element={
            <RequireCapability capability="readRules">
              <RulesPage />
            </RequireCapability>
          }
        />
        <Route
          path="rules/:ruleId"
          element={
            <RequireCapability capability="readRules">
              <RulePage />
            </RequireCapability>
          }
        />
        <Route
          path="changes"
          element={
            <RequireCapability capability="readDiffs">
              <ChangesPage />
            </RequireCapability>
          }
        />
        <Route
          path="purges"
          element={
            <RequireCapability capability="planPurge">
              <PurgesPage />
            </RequireCapability>
          }
        />
        <Route
          path="purges/new"
          element={
            <RequireCapability capability="planPurge">
              <PurgeNewPage />
            </RequireCapability>
          }
        />
        <Route
          path="purges/:planId"
          element={
            <RequireCapability capability="planPurge">
              <PurgePlanPage />
            </RequireCapability>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
