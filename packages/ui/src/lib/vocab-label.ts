import { useTranslation } from "react-i18next";
import type { Vocabulary } from "../vocab";

/** The translated label of a vocabulary value, e.g. label("source", "door_to_door"); unknown values show raw. */
export function useVocabLabel() {
  const { t } = useTranslation();
  return (vocabulary: Vocabulary, value: string | null | undefined): string => {
    if (!value) return t("common.empty");
    return t(`vocab.${vocabulary}.${value}`, { defaultValue: value });
  };
}
