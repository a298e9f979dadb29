import { match } from "ts-pattern";
import { factLabel, type Lang, listLabel, valueLabel } from "./labels";
import type { CmpOp, DayExpr, InstantExpr, Node, RoundOffset } from "./nodes";

// Plain-language text generated from a predicate tree. Negations are pushed down to the leaves
// (De Morgan), so the text never says "not (all of …)".

export type Text = { line: string } | { group: "all" | "any"; items: Text[] };

const t = (lang: Lang, en: string, fr: string): string => (lang === "en" ? en : fr);

const opWords: Record<CmpOp, Pair> = {
  "<": ["is before", "est avant"],
  "<=": ["is at or before", "est au plus tard"],
  ">": ["is after", "est après"],
  ">=": ["is at or after", "est au plus tôt"],
};
const numberOpWords: Record<CmpOp, Pair> = {
  "<": ["is under", "est inférieur à"],
  "<=": ["is at most", "est au plus"],
  ">": ["is over", "est supérieur à"],
  ">=": ["is at least", "est au moins"],
};
type Pair = readonly [string, string];
const negated: Record<CmpOp, CmpOp> = { "<": ">=", "<=": ">", ">": "<=", ">=": "<" };
const word = (pair: Pair, lang: Lang): string => (lang === "en" ? pair[0] : pair[1]);

export function dayText(expr: DayExpr, lang: Lang): string {
  return match(expr)
    .with({ kind: "dayOf" }, ({ fact }) =>
      fact === "at"
        ? t(lang, "the decision day", "jour de la décision")
        : t(lang, `the day of ${factLabel(fact, lang)}`, `jour ${ofFr(factLabel(fact, lang))}`),
    )
    .with({ kind: "round" }, ({ index }) =>
      index === "first"
        ? t(lang, "the first round's day", "jour du premier tour")
        : index === "last"
          ? t(lang, "the last round's day", "jour du dernier tour")
          : t(lang, `round ${index}'s day`, `jour du tour ${index}`),
    )
    .with({ kind: "proclaimed" }, () =>
      t(lang, "the day results are proclaimed", "jour de la proclamation des résultats"),
    )
    .with({ kind: "date" }, ({ value }) => value)
    .with({ kind: "shift" }, (shift) => shiftText(shift, lang))
    .exhaustive();
}

/** French "de" + article: du, des, de la, de l'. */
const ofFr = (label: string): string =>
  label.startsWith("le ")
    ? `du ${label.slice(3)}`
    : label.startsWith("les ")
      ? `des ${label.slice(4)}`
      : `de ${label}`;

function shiftText(shift: Extract<DayExpr, { kind: "shift" }>, lang: Lang): string {
  let text = dayText(shift.day, lang);
  const months = shift.months ?? 0;
  if (shift.monthStart) {
    const n = Math.abs(months);
    text =
      months < 0
        ? t(
            lang,
            `the first day of the ${ordinal(n)} month before the month of ${text}`,
            `premier jour du ${n}e mois avant le mois du ${text}`,
          )
        : t(
            lang,
            `the first day of the month ${n} months after ${text}`,
            `premier jour du mois ${n} mois après le ${text}`,
          );
  } else if (months !== 0) {
    text = t(
      lang,
      `${text} ${months < 0 ? "−" : "+"} ${Math.abs(months)} months`,
      `${text} ${months < 0 ? "−" : "+"} ${Math.abs(months)} mois`,
    );
  }
  if (shift.daysFact) text = t(lang, `${text} + the litigation window`, `${text} + le délai de contentieux`);
  const days = shift.days ?? 0;
  if (days !== 0)
    text = t(
      lang,
      `${text} ${days < 0 ? "−" : "+"} ${Math.abs(days)} days`,
      `${text} ${days < 0 ? "−" : "+"} ${Math.abs(days)} jours`,
    );
  return text;
}

const ordinal = (n: number): string => `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;

export function instantText(expr: InstantExpr, lang: Lang): string {
  return match(expr)
    .with({ kind: "at" }, () => t(lang, "the decision time", "le moment de la décision"))
    .with({ kind: "instant" }, ({ fact }) => factLabel(fact, lang))
    .with({ kind: "dayStart" }, ({ day, time }) =>
      time
        ? t(
            lang,
            `${time} (local) on ${dayText(day, lang)}`,
            `${time} (heure locale) le ${dayText(day, lang)}`,
          )
        : t(lang, `the start of ${dayText(day, lang)}`, `le début du ${dayText(day, lang)}`),
    )
    .with({ kind: "dayEnd" }, ({ day }) =>
      t(lang, `the end of ${dayText(day, lang)}`, `la fin du ${dayText(day, lang)}`),
    )
    .exhaustive();
}

function offsetText(offset: RoundOffset, lang: Lang): string {
  const day =
    offset.days === 0
      ? t(lang, "the round's day", "le jour du tour")
      : offset.days === -1
        ? t(lang, "the eve of a round", "la veille d'un tour")
        : t(lang, `${offset.days} days from a round`, `${offset.days} jours d'un tour`);
  return t(lang, `${offset.time} on ${day}`, `${offset.time} le ${day}`);
}

const statement = (label: string, positive: boolean, lang: Lang): string =>
  positive ? label : t(lang, `it is not the case that ${label}`, `il est faux que ${label}`);

/** Describes a tree; `neg` describes its negation. */
export function describeNode(node: Node, lang: Lang, neg = false): Text {
  return match(node)
    .with(
      { kind: "and" },
      ({ nodes }): Text => ({
        group: neg ? "any" : "all",
        items: nodes.map((n) => describeNode(n, lang, neg)),
      }),
    )
    .with(
      { kind: "or" },
      ({ nodes }): Text => ({
        group: neg ? "all" : "any",
        items: nodes.map((n) => describeNode(n, lang, neg)),
      }),
    )
    .with({ kind: "not" }, ({ node: inner }) => describeNode(inner, lang, !neg))
    .with({ kind: "const" }, ({ value }) => ({
      line: value !== neg ? t(lang, "always", "toujours") : t(lang, "never", "jamais"),
    }))
    .with({ kind: "eq" }, ({ fact, value }) => {
      const label = factLabel(fact, lang);
      if (typeof value === "boolean") return { line: statement(label, value !== neg, lang) };
      const is = neg ? t(lang, "is not", "n'est pas") : t(lang, "is", "est");
      return { line: `${label} ${is} ${valueLabel(value, lang)}` };
    })
    .with({ kind: "in" }, ({ fact, values }) => ({
      line: neg
        ? t(
            lang,
            `${factLabel(fact, lang)} is none of ${listLabel(values, lang)}`,
            `${factLabel(fact, lang)} n'est aucun de : ${listLabel(values, lang)}`,
          )
        : t(
            lang,
            `${factLabel(fact, lang)} is ${listLabel(values, lang)}`,
            `${factLabel(fact, lang)} est ${listLabel(values, lang)}`,
          ),
    }))
    .with({ kind: "has" }, ({ fact, values }) => ({
      line: neg
        ? t(
            lang,
            `${factLabel(fact, lang)} include none of ${listLabel(values, lang)}`,
            `${factLabel(fact, lang)} ne comprennent pas ${listLabel(values, lang)}`,
          )
        : t(
            lang,
            `${factLabel(fact, lang)} include ${listLabel(values, lang)}`,
            `${factLabel(fact, lang)} comprennent ${listLabel(values, lang)}`,
          ),
    }))
    .with({ kind: "cmp" }, ({ fact, op, value }) => ({
      line: `${factLabel(fact, lang)} ${word(numberOpWords[neg ? negated[op] : op], lang)} ${value}`,
    }))
    .with({ kind: "exists" }, ({ fact }) => ({
      line:
        fact === "election"
          ? neg
            ? t(lang, "no election is declared", "aucune élection n'est déclarée")
            : t(lang, "an election is declared", "une élection est déclarée")
          : neg
            ? t(lang, `${factLabel(fact, lang)} is not known`, `${factLabel(fact, lang)} n'est pas connu(e)`)
            : t(lang, `${factLabel(fact, lang)} is known`, `${factLabel(fact, lang)} est connu(e)`),
    }))
    .with({ kind: "time" }, ({ left, op, right }) => ({
      line: `${instantText(left, lang)} ${word(opWords[neg ? negated[op] : op], lang)} ${instantText(right, lang)}`,
    }))
    .with({ kind: "roundWindow" }, ({ from, to }) => {
      const span = t(
        lang,
        `between ${offsetText(from, lang)} and ${offsetText(to, lang)} (local time)`,
        `entre ${offsetText(from, lang)} et ${offsetText(to, lang)} (heure locale)`,
      );
      return {
        line: neg
          ? t(lang, `the decision time is not ${span}`, `le moment de la décision n'est pas ${span}`)
          : t(lang, `the decision time is ${span}`, `le moment de la décision est ${span}`),
      };
    })
    .with({ kind: "consent" }, ({ scope, state, mechanisms }) => ({
      line: consentText(scope, state, mechanisms, neg, lang),
    }))
    .with({ kind: "objection" }, ({ covers }) => {
      const what =
        covers === "all"
          ? t(lang, "to all processing", "à tout traitement")
          : t(lang, "to this channel", "à ce canal");
      return {
        line: neg
          ? t(lang, `the person has not objected ${what}`, `la personne ne s'est pas opposée ${what}`)
          : t(
              lang,
              `the person objected ${what}, on or before the decision time`,
              `la personne s'est opposée ${what}, au plus tard au moment de la décision`,
            ),
      };
    })
    .with({ kind: "enrichmentSwitch" }, () => ({
      line: t(
        lang,
        `the organisation's enrichment switch for the contact's country is ${neg ? "off" : "on"}`,
        `l'enrichissement est ${neg ? "désactivé" : "activé"} pour le pays du contact`,
      ),
    }))
    .exhaustive();
}

function consentText(
  scope: string,
  state: "valid" | "recorded",
  mechanisms: readonly string[] | undefined,
  neg: boolean,
  lang: Lang,
): string {
  const what =
    scope === "action"
      ? t(lang, "what this action needs", "ce que requiert cette action")
      : valueLabel(scope, lang);
  const how = mechanisms
    ? t(lang, ` given through ${listLabel(mechanisms, lang)}`, ` donné par ${listLabel(mechanisms, lang)}`)
    : "";
  if (state === "recorded") {
    return neg
      ? t(lang, `no consent to ${what} is on record`, `aucun consentement à ${what} n'est enregistré`)
      : t(lang, `a consent to ${what} is on record`, `un consentement à ${what} est enregistré`);
  }
  return neg
    ? t(
        lang,
        `the person has no valid consent to ${what}${how}`,
        `la personne n'a pas de consentement valide à ${what}${how}`,
      )
    : t(
        lang,
        `the person has a valid consent to ${what}${how}`,
        `la personne a un consentement valide à ${what}${how}`,
      );
}

/** Renders a description as indented lines ("- …"). */
export function renderText(text: Text, lang: Lang, indent = ""): string[] {
  if ("line" in text) return [`${indent}- ${text.line}`];
  const head =
    text.group === "all"
      ? t(lang, "all of:", "toutes ces conditions :")
      : t(lang, "any of:", "l'une de ces conditions :");
  return [`${indent}- ${head}`, ...text.items.flatMap((item) => renderText(item, lang, `${indent}  `))];
}
