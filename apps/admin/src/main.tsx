import "@isoloir/ui/styles.css";
import { createI18n, IsoloirProviders } from "@isoloir/ui";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app";
import { en } from "./i18n/en";
import { fr } from "./i18n/fr";

const i18n = createI18n({ fr, en });
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

createRoot(root).render(
  <StrictMode>
    <IsoloirProviders i18n={i18n}>
      <BrowserRouter basename="/admin">
        <App />
      </BrowserRouter>
    </IsoloirProviders>
  </StrictMode>,
);
