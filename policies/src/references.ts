// The sources the rules cite, keyed as in the research catalogue's References table (S1, S2, …); a
// citation's `ref` is one of these keys, and docs/rules.md prints it in brackets.

export interface Reference {
  title: string;
  url: string;
}

export const references = {
  S1: {
    title:
      "CNIL, délibération n° 2012-020 du 26 janvier 2012 portant recommandation (partis, élus, candidats)",
    url: "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000025364626/",
  },
  S2: {
    title: 'Same, JORF text §I "application pratique des principes"',
    url: "https://legal.tricoteuses.fr/articles/JORFARTI000024968752",
  },
  S3: {
    title: "CNIL, délibération n° 2012-021 du 26 janvier 2012 (norme simplifiée n° 34)",
    url: "https://www.legifrance.gouv.fr/cnil/id/CNILTEXT000025365982/ ; art. 1: https://legal.tricoteuses.fr/articles/JORFARTI000025365416",
  },
  S4: {
    title: 'NS 34, "Durée de conservation des données" article',
    url: "https://legal.tricoteuses.fr/articles/JORFARTI000025365421",
  },
  S5: {
    title:
      'CNIL, "Communication politique – obligations légales et bonnes pratiques", édition janvier 2012 (copy)',
    url: "https://vdocuments.fr/modele-cnil21indd.html",
  },
  S6: {
    title: "CNIL, délibération n° 96-105 du 3 décembre 1996",
    url: "https://legal.tricoteuses.fr/articles/JORFARTI000001219132",
  },
  S7: {
    title: 'CNIL, "La communication politique par courrier électronique en questions" (fiche n° 10)',
    url: "http://www.cnil.fr/les-themes/vie-citoyenne/actualite/article/la-communication-politique-par-courrier-electroniqueen-questions/",
  },
  S8: {
    title: 'CNIL, "La communication politique : mode d\'emploi"',
    url: "http://www.cnil.fr/documentation/fiches-pratiques/fiche/article/la-communication-politique-mode-demploi/",
  },
  S9: {
    title: "CNIL annual report 2006 excerpt (recommendation of 5 Oct 2006)",
    url: "https://data.guardint.org/en/entity/2uaz1oczifn?page=25",
  },
  S10: {
    title: 'e-marketing.fr, "La Cnil encadre l\'e-mailing politique" (2006)',
    url: "https://e-marketing.fr/Marketing-Direct/Article/La-Cnil-encadre-l-e-mailing-politique-17676-1.htm",
  },
  S11: {
    title: 'CNIL, "La prospection politique par automate d\'appel : rappel des règles", 21 Apr 2017',
    url: "https://www.cnil.fr/fr/elections/la-prospection-politique-par-automate-dappel-rappel-des-regles",
  },
  S12: {
    title:
      'CNIL, "Communication politique : quelles règles pour la collecte de données sur les réseaux sociaux ?", 8 Nov 2016, updated 9 Feb 2023',
    url: "https://www.cnil.fr/fr/communication-politique-quelles-regles-pour-la-collecte-de-donnees-sur-les-reseaux-sociaux",
  },
  S13: {
    title: "Copy of the 2016 version (DigitaleBox)",
    url: "https://digitalebox.com/fr/presidentielle-legislatives-elections-2016-2017-quelles-regles-doivent-respecter-les-candidats-et-partis/",
  },
  S14: {
    title: "Clubic (2012) on the 2012 recommendation (fans, friends, privacy settings)",
    url: "https://clubic.com/pro/legislation-loi-internet/cnil/actualite-473378-eviter-spam-politique-cnil-adresse-recommandations.html",
  },
  S15: {
    title: "KelNews, 3 Apr 2017 (summarising Le Monde on NationBuilder Match and the CNIL note)",
    url: "https://kelnews.fr/2017/04/03/logiciels-electoraux-les-politiques-francais-ont-du-mettre-fin-a-la-recolte-de-donnees-personnelles/",
  },
  S16: {
    title: "Microblogit on NationBuilder and the CNIL note",
    url: "http://www.microblogit.com/nationbuilder-bride-en-france-sur-lutilisation-des-donnees-privees/",
  },
  S17: {
    title:
      'Le Monde Informatique, "NationBuilder met fin à la collecte de données issues des réseaux sociaux" (2017)',
    url: "https://www.lemondeinformatique.fr/actualites/lire-nationbuilder-met-fin-a-la-collecte-de-donnees-issues-des-reseaux-sociaux-67842.html",
  },
  S18: {
    title: 'BFMTV, LFI "Nous Sommes Pour" sponsorships and CNIL statement (Nov 2020)',
    url: "https://www.bfmtv.com/tech/les-150-000-parrainages-de-melenchon-autant-de-donnees-recoltees-par-la-france-insoumise_AN-202011090151.html",
  },
  S19: {
    title: 'CNIL, "Les fichiers du secteur privé", 21 Oct 2025',
    url: "https://www.cnil.fr/fr/les-fichiers-du-secteur-prive",
  },
  S20: {
    title: "NextInpact, CNIL/CSA guide of 8 Nov 2016 (primaries)",
    url: "https://www.nextinpact.com/article/24363/102055-elections-cnil-et-csa-previennent-partis-et-candidats",
  },
  S21: {
    title: "CADA, conseil 20190154, 24 Jan 2019 (L.37 replaces L.28 and R.16)",
    url: "https://www.cada.fr/20190154",
  },
  S22: {
    title: "CDG62 legal watch quoting Code électoral L.37",
    url: "https://cdg62.fr/toute-la-veille-juridique/214-gestion-et-tenue-des-listes-electorales",
  },
  S23: {
    title:
      'CNIL, "Élections et prospection politique : vos droits sur vos données personnelles", 30 Jan 2026',
    url: "https://www.cnil.fr/fr/elections-et-prospection-politique-vos-droits-sur-vos-donnees-personnelles",
  },
  S24: {
    title: 'CNIL, "Élections : sept réflexes pour une campagne responsable", 30 Jan 2026',
    url: "https://www.cnil.fr/fr/elections-sept-reflexes-pour-une-campagne-responsable",
  },
  S25: { title: 'CNIL, "La liste électorale"', url: "https://cnil.fr/fr/la-liste-electorale" },
  S26: {
    title: "CNIL, \"L'utilisation de listes d'électeurs pour la communication politique\", 21 Oct 2025",
    url: "https://www.cnil.fr/fr/lutilisation-de-listes-delecteurs-pour-la-communication-politique",
  },
  S27: {
    title: "LCI, European elections 2019, phone canvassing (CNIL quotes)",
    url: "https://www.lci.fr/politique/elections-europeennes-2019-le-demarchage-telephonique-des-partis-politiques-est-il-legal-2122115.html",
  },
  S28: {
    title: "LCI, regional elections 2021, SMS (CNIL quotes)",
    url: "https://www.lci.fr/politique/elections-regionales-2021-les-candidats-ont-ils-de-faire-campagne-en-vous-envoyant-des-sms-2189165.html",
  },
  S29: {
    title: 'Info-Chalon, May 2025 (CNIL quotes; "recommandations et pas obligations")',
    url: "https://www.info-chalon.com/articles/2025/05/19/99970/legislatives-5e-circonscription-de-saone-et-loire-vous-avez-re-u-un-sms-du-rassemblement-national-et-a-vous-etonne-info-chalon-com-vous-dit-tout/",
  },
  S30: {
    title:
      'CNIL, "est-il possible de s\'adresser aux abstentionnistes entre les deux tours ?" (28 Mar 2014, updated)',
    url: "https://www.cnil.fr/fr/elections/sadresser-aux-abstentionnistes-entre-les-deux-tours-est-ce-possible",
  },
  S31: {
    title: "Le Lab Europe 1, Feb 2012 (consular lists, L.330-4)",
    url: "https://lelab.europe1.fr/web-strategie-du-president-sortant-les-mails-indesirables-857",
  },
  S32: {
    title: "CPCE art. L.34-5 (consolidated version, Doctrine)",
    url: "https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070987/articles/LEGIARTI000006465785?version=LEGIARTI000032235707",
  },
  S33: {
    title: "Infocom94, summary of the 2025 CNIL fiches (banned files, petitions)",
    url: "https://www.infocom94.fr/category_actu/securite",
  },
  S34: {
    title: "Maire-info, 28 Feb 2001 (CNIL: electoral list, sorting bans)",
    url: "https://maire-info.com/communication-politique-tout-electeur-tout-candidat-et-tout-parti-politique-peut-obtenir-du-maire-communication-et-copie-de-la-liste-electorale-rappel-article2-172",
  },
  S35: {
    title: 'CNIL, "Les droits des électeurs", 20 Oct 2016',
    url: "https://www.cnil.fr/fr/les-droits-des-electeurs",
  },
  S36: {
    title: 'Clubic, "Démarchage : la CNIL épingle Emmanuel Macron", 21 Apr 2017 (Bloctel)',
    url: "https://www.clubic.com/telephone-portable/operateur-telephonie-mobile/actualite-829134-demarchage-cnil-epingle-emmanuel-macron.html",
  },
  S37: {
    title:
      'CNIL, "Logiciels de prospection politique et de stratégie électorale : 5 bons réflexes", 5 Feb 2020',
    url: "https://cnil.fr/fr/logiciels-de-prospection-politique-et-de-strategie-electorale-5-bons-reflexes-pour-une-utilisation",
  },
  S38: {
    title: "ITespresso, Knockin app investigation (Nov 2016)",
    url: "http://www.itespresso.fr/primaires-cnil-derapage-donnees-personnelles-142739.html?print=print",
  },
  S39: {
    title:
      'CNIL, "Élections législatives : six réflexes pour une campagne 2.0 responsable", 17 May 2017 (copy)',
    url: "http://newspress.fr/Communique_FR_302926_1332.aspx",
  },
  S40: { title: "Regulation (EU) 2016/679 (GDPR)", url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj" },
  S41: {
    title: "TF1 Info on the 2022 legislative elections (CNIL on required information)",
    url: "https://www.tf1info.fr/politique/elections-legislatives-en-bretagne-des-electeurs-abstentionnistes-ont-ils-ete-demarches-sur-facebook-et-incite-a-voter-2223787.html",
  },
  S42: {
    title: "Banque des Territoires (2012), CNIL reminder (frequency, origin)",
    url: "https://banquedesterritoires.fr/communication-politique-pas-de-messages-electroniques-non-sollicites-rappelle-la-cnil",
  },
  S43: {
    title: "NextInpact, CNIL reminder of June 2021",
    url: "https://www.nextinpact.com/lebrief/47391/rgpd-rappel-cnil-sur-prospection-politique-a-lapproche-elections",
  },
  S44: {
    title: 'CNPD Luxembourg, "Campagnes électorales – communication" §5.1',
    url: "https://cnpd.public.lu/fr/dossiers-thematiques/elections/campages-electorales/communication11.html",
  },
  S45: {
    title: "Code pénal, arts. 226-16 to 226-24 (Légifrance code page)",
    url: "https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006070719/",
  },
  S47: {
    title:
      "CNIL annual report 2012, observatoire des élections (propagating objections; 327 testimonies and 156 complaints)",
    url: "https://data.guardint.org/en/entity/76tdzdokkvj?page=28",
  },
  S48: {
    title: "EDPB Statement 2/2019 (13 Mar 2019), summary by Fox Rothschild",
    url: "https://dataprivacy.foxrothschild.com/2019/03/articles/european-union/european-data-protection-board-issues-statement-on-data-processing-in-political-campaigns/",
  },
  S49: {
    title: "PrivacyOn, on the EDPB statement and national laws (RO, ES)",
    url: "https://privacyon.ro/2019/03/21/whats-not-new-about-edpbs-statement-on-political-campaigns/",
  },
  S50: {
    title:
      "European Commission, COM(2018) 638, guidance on data protection in the electoral context, 12 Sep 2018",
    url: "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:52018DC0638&rid=4",
  },
  S51: {
    title: "EUR-Lex summary, Regulation (EU) 2024/900",
    url: "https://eur-lex.europa.eu/EN/legal-content/summary/transparency-and-targeting-of-political-advertising.html?fromSummary=23",
  },
  S52: {
    title: "UODO (Polish DPA), applicability from 10 Oct 2025",
    url: "https://bip.uodo.gov.pl/en/553/2049",
  },
  S53: {
    title: "Pulse-Z, on Regulation 2024/900 (sensitive data, explicit separate consent)",
    url: "https://www.pulse-z.eu/?p=70395",
  },
  S54: {
    title: 'CNIL, "Élections et communication politique : la CNIL publie 6 fiches pratiques", 21 Oct 2025',
    url: "https://cnil.fr/fr/elections-et-communication-politique-la-cnil-publie-6-fiches-pratiques",
  },
  S55: {
    title: "CNIL, recommandation 4 on minors under 15 (LIL art. 45), 9 Jun 2021",
    url: "https://www.cnil.fr/fr/recommandation-4-rechercher-le-consentement-dun-parent-pour-les-mineurs-de-moins-de-15-ans",
  },
  S56: {
    title: "Assemblée nationale written answer (former three-month wording of L.52-1)",
    url: "https://questions.assemblee-nationale.fr/q12/12-32921QE.htm",
  },
  S57: {
    title: "Sénat, amendment COM-37 (2011), L.50-1, L.51 and L.52-1 from three to six months",
    url: "https://senat.fr/amendements/commissions/2010-2011/207/Amdt_COM-37.html",
  },
  S58: {
    title: "Landot avocats on CE 28 May 2021 n° 445567 (Facebook boosting)",
    url: "https://blog.landot-avocats.net/2021/05/29/communication-electorale-sur-les-reseaux-sociaux-booster-nest-pas-jouer/",
  },
  S59: {
    title: "Legalplanet (phone canvassing is not commercial advertising under L.52-1)",
    url: "https://legalplanet.pro/tag/l-48-2-du-code-electoral",
  },
  S60: {
    title: "BFM Business quoting L.49 (electronic propaganda from the eve)",
    url: "https://bfmbusiness.bfmtv.com/01-business-forum/le-tract-electronique-aussi-bien-encadre-que-sa-version-papier-560458.html",
  },
  S61: { title: "Code électoral L.49 (older 1985 wording)", url: "https://admi.net/code/CELECTOL-L49.html" },
  S62: {
    title: "Maires de France quoting L.48-1",
    url: "https://mairesdefrance.com/m/article/print.php?id=28578",
  },
  S63: {
    title: 'Code électoral ch. V "Propagande" (L.47 A)',
    url: "https://juriblio.fr/codes/code-electoral/partie-legislative/livre-i/titre-ier/chapitre-v",
  },
  S64: {
    title: "Regulation (EU) 2018/1725 (EUDPR)",
    url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32018R1725",
  },
  S65: {
    title: "EDPS press release of 28 Nov 2019 (copy by European Law Monitor)",
    url: "https://www.europeanlawmonitor.org/latest-eu-news/european-data-protection-supervisor-investigates-ep-election.html",
  },
  S66: {
    title: "Paolo Balboni blog (date of the EDPS announcement, 28 Nov 2019)",
    url: "https://www.paolobalboni.eu/index.php/2019/12/18/edps-announces-investigation-into-european-parliaments-2019-election-activities-and-is-taking-enforcement-actions/",
  },
  S67: {
    title: "Diginomica, 29 Nov 2019 (329,000 people; €135k; EUDPR art. 29; second reprimand)",
    url: "https://diginomica.com/european-parliament-comes-under-fire-its-own-privacy-regulator-over-election-data-concerns",
  },
  S68: {
    title: "Winbuzzer, 29 Nov 2019 (EDPS spokesman: no prior authorisation)",
    url: "https://winbuzzer.com/2019/11/29/european-parliament-falls-foul-of-edps-investigation-for-breaking-data-laws-xcxwbn/",
  },
  S69: {
    title: "CJEU C-311/18 (Schrems II), 16 Jul 2020",
    url: "https://dpcuria.eu:443/case?reference=C-311/18",
  },
  S70: {
    title: "AskTheEU, request for the Parliament's 2019 DPIA and NationBuilder deletion correspondence",
    url: "https://www.asktheeu.org/fr/request/data_protection_impact_assessmen_2",
  },
  S71: {
    title: "Le Monde Informatique, Élections 2012 (security, intermediaries)",
    url: "https://www.lemondeinformatique.fr/actualites/lire-elections-2012-l-usage-des-fichiers-nominatifs-surveille-par-la-cnil-47089-page-2.html",
  },
  S72: {
    title: 'France TV Info, "L\'Œil du 20h", 12 Sep 2016 (27,834 contacts exposed)',
    url: "https://blog.francetvinfo.fr/oeil-20h/2016/09/12/comment-nous-avons-mis-la-main-sur-27-834-contacts-du-candidat-nicolas-sarkozy.html",
  },
  S73: {
    title: "OEIL summary, Regulation (EU, Euratom) 2019/493",
    url: "https://oeil.secure.europarl.europa.eu/oeil/en/document-summary?id=1580690",
  },
  S74: {
    title: 'ICO, "Political campaigning, opinion research and direct marketing" (updated 21 Feb 2023)',
    url: "https://ico.org.uk/for-organisations/guide-to-data-protection/key-dp-themes/guidance-for-the-use-of-personal-data-in-political-campaigning-1/political-campaigning-opinion-research-and-direct-marketing/",
  },
  S75: {
    title: 'ICO, "Guidance on political campaigning" v3.1 (2018) (copy)',
    url: "https://vdocuments.us/e-on-political-campaigning-home-ico-political-campaigning-20180326-version-31.html",
  },
  S76: {
    title: "Hansard, HL written answer of 13 Nov 2003 (TPS and political parties)",
    url: "https://api.parliament.uk/historic-hansard/written_answers/2003/nov/13/telephone-preference-service-political",
  },
  S77: {
    title: 'ICO-derived summary "Elections / Political parties" (DPA 1998 era)',
    url: "https://docsbay.net/subject-area-political-parties",
  },
  S78: {
    title: 'ICO, "Your data and elections" (electoral register)',
    url: "https://ico.org.uk/for-the-public/your-data-and-elections/",
  },
  S79: {
    title: 'ICO, "Collecting personal data" (political campaigning guidance, updated 21 Feb 2023)',
    url: "https://cy.ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guidance-for-the-use-of-personal-data-in-political-campaigning-1/collecting-personal-data",
  },
  S80: {
    title: "ICO guidance, special-category data section (as mirrored)",
    url: "https://m.ru24.net/english/393339643",
  },
  S81: {
    title:
      'HL debate of 25 Mar 2024 on "democratic engagement" (Data Protection and Digital Information Bill), prototype Hansard search',
    url: "https://parliamentary-search-265cced0397e.herokuapp.com/search-prototype/objects?object=http%3A%2F%2Fhansard.intranet.data.parliament.uk%2FLords%2F2024-03-25%2F24032590000008",
  },
  S82: {
    title: "Summary of the ICO audits of seven UK parties (2020)",
    url: "https://dataprotection.me.uk/review-of-gdpr-right-to-be-informed/",
  },
  S83: {
    title: 'datenschutz.de, "Wahlwerbung mittels Melderegisterauskünften" (quotes §50(1) BMG)',
    url: "https://datenschutz.de/?p=6937",
  },
  S84: {
    title: 'LfDI Rheinland-Pfalz, "Wahlwerbung mit Adressdaten vom Meldeamt?"',
    url: "https://www.datenschutz.rlp.de/themen/wahlwerbung",
  },
  S85: {
    title: 'Berliner Beauftragte für Datenschutz, "Wahlwerbung durch politische Parteien"',
    url: "https://datenschutz-Berlin.de/themen/werbung/wahlwerbung/",
  },
  S86: {
    title: 'Landesbeauftragter Sachsen-Anhalt, "Informationen zur Zulässigkeit von Wahlwerbung"',
    url: "https://datenschutz.sachsen-anhalt.de/service/aktuelles/wahlwerbung",
  },
  S87: {
    title: "Datenschutz-Notizen on the HBDI guidance (2023)",
    url: "https://www.datenschutz-notizen.de/wahlwerbung-und-datenschutz-2841526/",
  },
  S88: {
    title: "Insalvo (AT, WKO source): electronic election advertising needs prior consent",
    url: "https://www.insalvo.cc/wie-ist-wahlwerbung-in-elektronischen-medien-e-mail-telefon-sms-und-fax-zu-beurteilen/",
  },
  S89: {
    title: "Wiley, FCC Enforcement Advisory on political calls and texts (14 Mar 2016)",
    url: "https://wiley.law/newsroom-newsletters-item-FCC-Issues-Enforcement-Advisory-Reminding-Political-Campaigns-Calling-Texting-Restrictions-TCPA.html",
  },
  S90: {
    title: "IP Tech Blog on the same advisory (DNC does not cover political calls)",
    url: "https://www.iptechblog.com/2016/03/political-robocalls-are-subject-to-tcpa-rules-reminder-from-federal-communications-commission-enforcement-advisory/",
  },
  S91: {
    title: 'WileyConnect, "What Political Callers and Texters Need to Know about the TCPA" (Oct 2018)',
    url: "https://www.wileyconnect.com/2018/10/30/what-political-callers-and-texters-need-to-know-about-the-tcpa?rq=political",
  },
  S92: {
    title: "Siècle Digital on the CNIL's 2022 election review (12 Oct 2022)",
    url: "https://siecledigital.fr/2022/10/13/presidentielle-et-legislatives-2022-le-bilan-de-la-cnil/",
  },
} as const satisfies Record<string, Reference>;

export type ReferenceKey = keyof typeof references;
