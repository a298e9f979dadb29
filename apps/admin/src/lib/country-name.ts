import { useTranslation } from "react-i18next";

/** "FR" → "France" / "France", "DE" → "Allemagne" / "Germany"; the code itself when unknown. */
export function useCountryName() {
  const { i18n } = useTranslation();
  const names = new Intl.DisplayNames([i18n.language === "en" ? "en" : "fr"], { type: "region" });
  return (code: string) => {
    try {
      return names.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  };
}
