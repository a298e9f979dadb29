import type { Citation } from "@isoloir/policy";
import { type ReferenceKey, references } from "./references";

/** A citation of an entry of the catalogue's References table, with the article relied on. */
export function cite(
  ref: ReferenceKey,
  detail: { article?: string; date?: string; text?: string } = {},
): Citation {
  const entry = references[ref];
  return {
    ref,
    text: detail.text ?? entry.title,
    url: entry.url.split(" ; ")[0] ?? entry.url,
    ...(detail.article ? { article: detail.article } : {}),
    ...(detail.date ? { date: detail.date } : {}),
  };
}

/** GDPR (Regulation (EU) 2016/679) article, via reference S40. */
export const gdpr = (article: string): Citation =>
  cite("S40", { text: "Regulation (EU) 2016/679 (GDPR)", article, date: "2016-04-27" });
