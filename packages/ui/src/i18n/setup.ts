import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { sharedEn } from "./shared-en";
import { sharedFr } from "./shared-fr";
import type { Resource } from "./types";

export const languages = ["fr", "en"] as const;
export type Language = (typeof languages)[number];

/** Where the chosen language is kept; both apps share it (same origin). */
export const languageStorageKey = "isoloir.language";

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(languageStorageKey);
    return isLanguage(value) ? value : "fr";
  } catch {
    return "fr";
  }
}

/** Shared strings first, then the app's own top-level sections (an app never overrides a shared one). */
export function mergeResources(shared: Resource, app: Resource): Resource {
  const clash = Object.keys(app).filter((key) => key in shared);
  if (clash.length) throw new Error(`app strings reuse shared sections: ${clash.join(", ")}`);
  return { ...shared, ...app };
}

/**
 * One i18next instance per app: French by default, English on request, the choice persisted in
 * localStorage and mirrored on <html lang>.
 */
export function createI18n(app: { fr: Resource; en: Resource }): I18n {
  const instance = i18next.createInstance();
  const lng = storedLanguage();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: "fr",
    supportedLngs: [...languages],
    initAsync: false,
    resources: {
      fr: { translation: mergeResources(sharedFr, app.fr) },
      en: { translation: mergeResources(sharedEn, app.en) },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const mirror = (language: string) => {
    if (typeof document !== "undefined") document.documentElement.lang = language;
  };
  mirror(lng);
  instance.on("languageChanged", (language) => {
    mirror(language);
    try {
      globalThis.localStorage?.setItem(languageStorageKey, language);
    } catch {
      // private browsing: the choice lasts for this page only
    }
  });
  return instance;
}

export function currentLanguage(instance: I18n): Language {
  return isLanguage(instance.language) ? instance.language : "fr";
}
