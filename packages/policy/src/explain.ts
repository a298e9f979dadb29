import { describeNode, renderText } from "./explain-node";
import { type Lang, listLabel } from "./labels";
import type { Clause, Rule } from "./rule";

export type { Lang } from "./labels";

const t = (lang: Lang, en: string, fr: string): string => (lang === "en" ? en : fr);

const obligationWords: Record<string, readonly [string, string]> = {
  identify_sender: ["name the sender and the election", "identifier l'expéditeur et l'élection"],
  state_data_origin: ["say where the contact data came from", "indiquer l'origine des données"],
  offer_opt_out: ["offer a working opt-out", "proposer un moyen de s'opposer"],
  opt_out_first: ["give the refusal instructions first", "donner d'abord le moyen de refuser"],
  link_full_notice: [
    "put the full notice one link or key press away",
    "rendre la mention complète accessible en un lien ou une touche",
  ],
  print_full_notice: [
    "print the whole notice in the letter",
    "imprimer la mention complète dans le courrier",
  ],
  consent_request_only: [
    "only ask whether the person wants messages",
    "se limiter à demander le consentement",
  ],
  hide_recipients: ["hide recipients from each other", "masquer les destinataires entre eux"],
  keep_vendor_attestation: [
    "keep the vendor's attestation and contract with the file",
    "conserver l'attestation et le contrat du loueur",
  ],
  no_disclosure_outside_body: [
    "keep opinion data inside the body",
    "ne pas divulguer les opinions hors de l'organisme",
  ],
  ad_transparency_label: [
    "show the political-ad label and sponsor",
    "afficher le label de publicité politique et le commanditaire",
  ],
  why_this_message: ["let people see why they got it", "permettre de savoir pourquoi on est ciblé"],
};

function clauseText(verb: string, clause: Clause, lang: Lang): string[] {
  const text = describeNode(clause.when, lang);
  const duties =
    clause.obligations && clause.obligations.length > 0
      ? t(
          lang,
          `, provided the action will ${clause.obligations.map((o) => obligationWords[o]?.[0] ?? o).join("; ")}`,
          `, à condition de ${clause.obligations.map((o) => obligationWords[o]?.[1] ?? o).join(" ; ")}`,
        )
      : "";
  if ("line" in text) return [`${verb}${duties} ${t(lang, "when", "lorsque")} ${text.line}.`];
  const head =
    text.group === "all"
      ? t(lang, "when all of these hold:", "lorsque toutes ces conditions sont réunies :")
      : t(lang, "when any of these holds:", "lorsque l'une de ces conditions est remplie :");
  return [`${verb}${duties} ${head}`, ...text.items.flatMap((item) => renderText(item, lang, "  "))];
}

/**
 * The plain-language statement of a rule, generated from its trees (the title is added as a heading).
 */
export function explain(rule: Rule, lang: Lang = "en"): string {
  const lines = [`${rule.id} — ${rule.title}`];
  lines.push(
    t(
      lang,
      `Pack ${rule.pack}; applies to: ${listLabel(rule.actions, lang, "and")}; basis ${rule.basis.join("/")}; force ${rule.force.join(" + ")}.`,
      `Paquet ${rule.pack} ; s'applique à : ${listLabel(rule.actions, lang, "and")} ; base ${rule.basis.join("/")} ; force ${rule.force.join(" + ")}.`,
    ),
  );
  if (rule.validFrom)
    lines.push(t(lang, `In force from ${rule.validFrom}.`, `En vigueur à partir du ${rule.validFrom}.`));
  if (rule.validUntil)
    lines.push(t(lang, `In force until ${rule.validUntil}.`, `En vigueur jusqu'au ${rule.validUntil}.`));
  if (rule.classification) lines.push(...classificationText(rule, lang));
  for (const clause of rule.deny) lines.push(...clauseText(t(lang, "Denies", "Interdit"), clause, lang));
  for (const clause of rule.escalate) {
    lines.push(
      ...clauseText(t(lang, "Asks a human to decide", "Soumet la décision à un humain"), clause, lang),
    );
  }
  for (const clause of rule.allow) lines.push(...clauseText(t(lang, "Allows", "Autorise"), clause, lang));
  if (rule.deny.length + rule.escalate.length + rule.allow.length === 0 && !rule.classification) {
    lines.push(t(lang, "Decides nothing by itself.", "Ne décide rien par elle-même."));
  }
  return lines.join("\n");
}

function classificationText(rule: Rule, lang: Lang): string[] {
  const lines = [
    t(
      lang,
      "When a record states no class, it is derived from its source:",
      "Sans catégorie indiquée, elle se déduit de la source :",
    ),
  ];
  for (const [cls, sources] of Object.entries(rule.classification ?? {})) {
    lines.push(`  - ${listLabel([cls], lang)} ← ${listLabel(sources ?? [], lang)}`);
  }
  lines.push(t(lang, "  - any other source ← prospect", "  - toute autre source ← prospect"));
  return lines;
}
