import type { InstantFact, ListFact, objectFacts, ScalarFact } from "./nodes";

export type Lang = "fr" | "en";
type Pair = readonly [en: string, fr: string];

const factLabels: Record<ScalarFact | ListFact | InstantFact | (typeof objectFacts)[number], Pair> = {
  jurisdiction: ["the jurisdiction", "la juridiction"],
  "controller.type": ["the controller", "le responsable du traitement"],
  purpose: ["the purpose", "la finalité"],
  "contact.source": ["the data's source", "la source des données"],
  "contact.class": ["the contact's class", "la catégorie du contact"],
  "contact.country": ["the contact's country", "le pays du contact"],
  "contact.ageYears": ["the contact's age", "l'âge du contact"],
  "contact.suppressed": [
    "the contact matches the suppression list",
    "le contact figure sur la liste d'opposition",
  ],
  "contact.messagesSent": ["the number of messages already sent", "le nombre de messages déjà envoyés"],
  "contact.consentRequestsSent": [
    "the number of consent requests already sent",
    "le nombre de demandes de consentement déjà envoyées",
  ],
  "contact.vendorAttestation.politicalReuseDisclosed": [
    "the vendor attests that political reuse was disclosed at collection",
    "le loueur atteste que la réutilisation politique a été annoncée à la collecte",
  ],
  "contact.vendorAttestation.optOutOffered": [
    "the vendor attests that an opt-out was offered",
    "le loueur atteste qu'une opposition a été proposée",
  ],
  "action.type": ["the action", "l'action"],
  "action.channel": ["the channel", "le canal"],
  "action.messageKind": ["the message kind", "le type de message"],
  "action.provider": ["the social network", "le réseau social"],
  "action.category": ["the category to record", "la catégorie à enregistrer"],
  "action.targetPurpose": ["the export's purpose", "la finalité de l'export"],
  "action.toThirdParty": ["the export goes to a third party", "l'export va à un tiers"],
  "processor.hostingRegion": ["the processor's hosting region", "la région d'hébergement du sous-traitant"],
  "processor.transferMechanism": [
    "the processor's transfer mechanism",
    "le mécanisme de transfert du sous-traitant",
  ],
  "processor.authorizedByController": [
    "the controller authorised the processor",
    "le responsable a autorisé le sous-traitant",
  ],
  "processor.art28ContractSigned": ["an Art. 28 contract is signed", "un contrat art. 28 est signé"],
  "election.type": ["the election's type", "le type d'élection"],
  "election.litigationWindowDays": ["the litigation window", "le délai de contentieux"],
  "election.roundCount": ["the number of rounds", "le nombre de tours"],
  processingRecordEntry: [
    "the record of processing has an entry",
    "le registre des traitements a une entrée",
  ],
  "notice.complete": ["the information notice is complete", "la mention d'information est complète"],
  "notice.published": ["the privacy notice is published", "la politique de confidentialité est publiée"],
  dpiaDone: ["a DPIA was carried out", "une AIPD a été réalisée"],
  "actor.role": ["the actor's role", "le rôle de l'utilisateur"],
  "actor.assigned": [
    "the contact is on the actor's assigned lists",
    "le contact figure sur les listes attribuées",
  ],
  "phone.mobile": ["the number is a mobile", "le numéro est un mobile"],
  "phone.doNotCall": ["the number is on a do-not-call list", "le numéro est sur une liste d'opposition"],
  "phone.tps": ["the number is registered with the TPS", "le numéro est inscrit au TPS"],
  "phone.insideTimeSlot": [
    "the call falls inside the agreed time slot",
    "l'appel tombe dans la plage horaire acceptée",
  ],
  "message.includesSenderIdentity": ["the message names the sender", "le message identifie l'expéditeur"],
  "message.includesDataOrigin": [
    "the message states the data's origin",
    "le message indique l'origine des données",
  ],
  "message.includesOptOut": ["the message offers an opt-out", "le message propose un moyen de s'opposer"],
  "message.includesNoticeLink": [
    "the message links the full notice",
    "le message renvoie à la mention complète",
  ],
  "message.recipientsHidden": ["recipients are hidden from each other", "les destinataires sont masqués"],
  paidBoost: ["paid boosting is involved", "une promotion payante est utilisée"],
  "contact.dataCategories": ["the contact's data", "les données du contact"],
  "audience.selectors": ["the audience's selectors", "les critères de ciblage"],
  at: ["the decision time", "le moment de la décision"],
  "contact.collectedAt": ["the collection time", "la date de collecte"],
  "contact.lastMessageAt": ["the last message", "le dernier message"],
  "contact.lastPositiveInteractionAt": ["the last positive interaction", "la dernière interaction positive"],
  "contact.objection.at": ["the objection", "l'opposition"],
  election: ["an election", "une élection"],
  "election.resultsProclaimedAt": ["the proclamation date", "la date de proclamation"],
  "contact.vendorAttestation": ["a vendor attestation", "une attestation du loueur"],
  "contact.objection": ["an objection", "une opposition"],
};

const valueLabels: Record<string, Pair> = {
  // sources
  direct_form: ["a direct form", "un formulaire direct"],
  newsletter_signup: ["a newsletter sign-up", "une inscription à la lettre d'information"],
  event_signup: ["an event sign-up", "une inscription à un événement"],
  membership: ["a membership", "une adhésion"],
  donation: ["a donation", "un don"],
  petition: ["a petition", "une pétition"],
  candidacy_sponsorship: ["a candidacy sponsorship", "un parrainage de candidature"],
  primary_participation: ["a primary vote", "une participation à une primaire"],
  unknown: ["an unknown source", "une source inconnue"],
  public_sector_file: ["a public-sector file", "un fichier du secteur public"],
  electoral_list_L37: ["the electoral list (L.37)", "la liste électorale (L.37)"],
  emargement_list_L68: ["the émargement list (L.68)", "la liste d'émargement (L.68)"],
  consular_list_L330_4: ["a consular list (L.330-4)", "une liste consulaire (L.330-4)"],
  melderegister_BMG50: ["the Melderegister (§50 BMG)", "le Melderegister (§50 BMG)"],
  uk_full_electoral_register: ["the full UK electoral register", "le registre électoral britannique complet"],
  referral_tell_a_friend: ["a friend's referral", "un parrainage par un proche"],
  rented_or_bought_commercial_file: ["a rented or bought file", "un fichier loué ou acheté"],
  data_broker: ["a data broker", "un courtier en données"],
  social_interaction: ["a social-network interaction", "une interaction sur un réseau social"],
  social_follow_or_friend: [
    "a follow or friendship of our account",
    "un abonnement ou une amitié avec notre compte",
  ],
  social_enrichment_lookup: ["a social enrichment lookup", "une recherche d'enrichissement social"],
  public_web_or_directory_scrape: ["a web or directory scrape", "une extraction du web ou d'annuaires"],
  association_or_union_member_file: [
    "an association or union member file",
    "un fichier d'adhérents d'association ou de syndicat",
  ],
  employer_hr_or_payroll_file: ["an employer's HR or payroll file", "un fichier RH ou de paie"],
  own_business_customer_file: [
    "the candidate's own business customer file",
    "le fichier clients de l'entreprise du candidat",
  ],
  data_obtained_via_public_mandate: [
    "data obtained through a public mandate",
    "des données obtenues via un mandat public",
  ],
  // classes
  member: ["member", "adhérent"],
  former_member: ["former member", "ancien adhérent"],
  regular_contact: ["regular contact", "contact régulier"],
  occasional_contact: ["occasional contact", "contact occasionnel"],
  prospect: ["prospect", "prospect"],
  // channels and kinds
  email: ["email", "courriel"],
  postal_addressed: ["addressed post", "courrier adressé"],
  door_to_door: ["door to door", "le porte-à-porte"],
  social_dm: ["social-network direct message", "message privé sur un réseau social"],
  automated_call: ["automated call", "appel automatisé"],
  live_call: ["live call", "appel téléphonique"],
  online_ad_targeting: ["online ad targeting", "ciblage publicitaire en ligne"],
  political: ["political", "politique"],
  consent_request: ["consent request", "demande de consentement"],
  service: ["service", "service"],
  // actions
  contact: ["contact", "contacter"],
  enrich: ["enrich", "enrichir"],
  import: ["import", "importer"],
  retain: ["retain", "conserver"],
  record: ["record", "enregistrer"],
  transfer: ["transfer", "transférer"],
  export: ["export", "exporter"],
  // categories
  political_opinion_declared: ["declared political opinion", "opinion politique déclarée"],
  political_opinion_inferred: ["inferred political opinion", "opinion politique déduite"],
  name_origin_proxy: ["a name-origin proxy", "un indicateur d'origine du nom"],
  religion_proxy: ["a religion proxy", "un indicateur de religion"],
  birth_place: ["place of birth", "lieu de naissance"],
  birth_date: ["date of birth", "date de naissance"],
  turnout_history: ["turnout history", "historique de participation"],
  social_profile: ["a social profile", "un profil social"],
  // purposes
  political_communication: ["political communication", "communication politique"],
  commercial: ["commercial", "commerciale"],
  professional: ["professional", "professionnelle"],
  // scopes
  political_email: ["political email", "courriels politiques"],
  political_sms: ["political SMS", "SMS politiques"],
  political_automated_call: ["political automated calls", "appels automatisés politiques"],
  political_live_call: ["political live calls", "appels politiques"],
  share_with_named_third_party: ["sharing with this controller", "la transmission à ce responsable"],
  social_enrichment: ["social enrichment", "l'enrichissement social"],
  reuse_other_elections: ["reuse for other elections", "la réutilisation pour d'autres élections"],
  political_ad_targeting: ["political ad targeting", "le ciblage publicitaire politique"],
  political_opinion_recording: ["recording political opinions", "l'enregistrement d'opinions politiques"],
  parental_joint: ["joint parental consent", "consentement conjoint d'un parent"],
};

const pick = (pair: Pair, lang: Lang): string => (lang === "en" ? pair[0] : pair[1]);

export function factLabel(fact: string, lang: Lang): string {
  const pair = (factLabels as Record<string, Pair>)[fact];
  return pair ? pick(pair, lang) : fact;
}

export function valueLabel(value: unknown, lang: Lang): string {
  if (typeof value === "boolean") return lang === "en" ? (value ? "true" : "false") : value ? "vrai" : "faux";
  const text = String(value);
  const pair = valueLabels[text];
  return pair ? pick(pair, lang) : text.replaceAll("_", " ");
}

/** "a, b or c" / "a, b ou c". */
export function listLabel(values: readonly unknown[], lang: Lang, joiner: "or" | "and" = "or"): string {
  const labels = values.map((v) => valueLabel(v, lang));
  const word = joiner === "or" ? (lang === "en" ? "or" : "ou") : lang === "en" ? "and" : "et";
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} ${word} ${labels.at(-1)}`;
}
