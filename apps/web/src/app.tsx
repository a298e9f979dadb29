import { IsoloirShell, NotFound, RequireAuth, SignInPage } from "@isoloir/ui";
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { ContactDetailPage } from "./pages/contact-detail-page";
import { ContactsPage } from "./pages/contacts-page";
import { DashboardPage } from "./pages/dashboard-page";

/** Campaign staff: dashboard, contacts, a contact's provenance and consent ledger. */
export function App() {
  const { t } = useTranslation();
  const nav = [
    { to: "/", label: t("nav.dashboard"), end: true },
    { to: "/contacts", label: t("nav.contacts") },
  ];
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage appLabel={t("app.label")} />} />
      <Route
        element={
          <RequireAuth>
            <IsoloirShell appLabel={t("app.label")} nav={nav} />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="contacts/:id" element={<ContactDetailPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
