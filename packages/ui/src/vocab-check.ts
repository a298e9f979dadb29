// Type-level check that ui's vocabularies (the engine's lists, and its own copies of the database's
// collector kinds and legal bases) are exactly @isoloir/db's (type-only import: nothing from the server
// side reaches a bundle). A drift fails `tsc -p packages/ui`.
import type * as db from "@isoloir/db";
import type * as ui from "./vocab";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type VocabMatchesDb = [
  Assert<Same<ui.Role, db.Role>>,
  Assert<Same<ui.SourceKind, db.SourceKind>>,
  Assert<Same<ui.CollectorKind, db.CollectorKind>>,
  Assert<Same<ui.LegalBasis, db.LegalBasis>>,
  Assert<Same<ui.ConsentScope, db.ConsentScope>>,
  Assert<Same<ui.ConsentMechanism, db.ConsentMechanism>>,
  Assert<Same<ui.Channel, db.Channel>>,
  Assert<Same<ui.OrgKind, db.OrgKind>>,
  Assert<Same<ui.Provider, db.Provider>>,
];
