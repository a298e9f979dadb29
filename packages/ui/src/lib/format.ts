import { useMemo } from "react";
import { useTranslation } from "react-i18next";

type DateLike = Date | string | number | null | undefined;

function toDate(value: DateLike): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Dates and numbers in the current language; a missing value prints as an em dash. */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "fr-FR";
  return useMemo(() => {
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const numberFmt = new Intl.NumberFormat(locale);
    const empty = t("common.empty");
    return {
      date: (value: DateLike) => {
        const d = toDate(value);
        return d ? dateFmt.format(d) : empty;
      },
      dateTime: (value: DateLike) => {
        const d = toDate(value);
        return d ? dateTimeFmt.format(d) : empty;
      },
      number: (value: number | null | undefined) =>
        value === null || value === undefined ? empty : numberFmt.format(value),
      text: (value: string | null | undefined) => (value ? value : empty),
      empty,
    };
  }, [locale, t]);
}
