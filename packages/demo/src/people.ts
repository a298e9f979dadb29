export const firstNames = [
  "Marie", "Jean", "Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Emma", "Gabriel", "Manon", "Arthur",
  "Inès", "Jules", "Sarah", "Nathan", "Juliette", "Raphaël", "Zoé", "Adam", "Lina", "Paul", "Alice", "Tom",
  "Louise", "Théo", "Anna", "Maxime", "Clara", "Antoine", "Eva", "Thomas", "Jade", "Nicolas", "Lola", "Pierre",
  "Margaux", "Mathis", "Élise", "Yanis", "Nora", "Karim", "Fatima", "Mehdi", "Aïcha", "Sylvie", "Philippe",
  "Isabelle", "Patrick", "Nathalie", "Christophe", "Sandrine", "Laurent", "Valérie", "Olivier", "Françoise",
  "Bernard", "Monique", "Dominique", "Hélène", "Bruno", "Agnès", "Denis", "Martine", "Yves", "Josiane",
] as const;

export const lastNames = [
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
  "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet",
  "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier",
  "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin",
  "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
  "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
  "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard",
  "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard", "Benali", "Nguyen",
  "Haddad", "Diallo", "Kone", "Traoré", "Bensaïd", "Le Gall", "Le Goff", "Kerjean",
] as const;

/** Cities of the 2027 demo constituency and around, with their postal codes. */
export const frenchPlaces = [
  ["Lyon", "69001"], ["Lyon", "69003"], ["Lyon", "69007"], ["Villeurbanne", "69100"], ["Vénissieux", "69200"],
  ["Bron", "69500"], ["Caluire-et-Cuire", "69300"], ["Oullins", "69600"], ["Décines-Charpieu", "69150"],
  ["Saint-Priest", "69800"], ["Vaulx-en-Velin", "69120"], ["Écully", "69130"], ["Tassin-la-Demi-Lune", "69160"],
  ["Rillieux-la-Pape", "69140"], ["Meyzieu", "69330"], ["Givors", "69700"], ["Villefranche-sur-Saône", "69400"],
  ["Grenoble", "38000"], ["Saint-Étienne", "42000"], ["Paris", "75011"], ["Paris", "75019"], ["Marseille", "13005"],
] as const;

export const streets = [
  "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard des Belges", "rue Garibaldi",
  "cours Lafayette", "rue du Président-Édouard-Herriot", "place Bellecour", "rue de Marseille", "avenue Berthelot",
  "rue Paul-Bert", "rue des Tables-Claudiennes", "montée de la Grande-Côte", "quai Claude-Bernard",
] as const;

/** Foreign contacts, so per-country switches have something to act on. */
export const foreignPlaces = [
  ["DE", "Berlin", "10115"], ["DE", "München", "80331"], ["BE", "Bruxelles", "1000"], ["LU", "Luxembourg", "1111"],
  ["GB", "London", "SW1A 1AA"], ["ES", "Madrid", "28001"], ["IT", "Roma", "00118"], ["US", "New York", "10001"],
] as const;

// RFC 2606-style reserved domains: realistic, and never a real mailbox.
export const mailDomains = ["courriel.example", "laposte.example", "orange.example", "free.example", "mail.example"];
