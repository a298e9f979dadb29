import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language, languages } from "../i18n/setup";

/** FR | EN; the choice is kept in localStorage by the i18n setup. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language.label")}
      data-testid="language-switch"
      value={currentLanguage(i18n)}
      onChange={(value) => void i18n.changeLanguage(value as Language)}
      data={languages.map((lng) => ({
        value: lng,
        label: <span title={t(`language.${lng}`)}>{lng.toUpperCase()}</span>,
      }))}
    />
  );
}
