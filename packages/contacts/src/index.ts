export { type Reader, readableContactIds, requireReadableContact } from "./access";
export { type AdmitContext, type AdmitResult, admitPerson } from "./admit";
export { type MemberAction, recordObjectionAudited, withdrawConsentAudited } from "./audited";
export {
  ContactError,
  type ContactErrorCode,
  ContactNotFoundError,
  contactErrorCodes,
  InvalidIdentityError,
  SuppressedPersonError,
} from "./errors";
export { ConsentInput, Identity, ProvenanceInput } from "./inputs";
export { type LiftEvidence, liftSuppression } from "./lift";
export {
  identifierHmac,
  identityKey,
  normaliseBirthDate,
  normaliseEmail,
  normaliseName,
  normalisePhone,
} from "./normalise";
export { type ObjectionScope, recordObjection } from "./objections";
export { ContactListQuery, countBySource, getContactDetail, listContacts } from "./queries";
export {
  findSuppression,
  findSuppressions,
  type IdentifierHmacs,
  type SuppressionRecord,
  type SuppressionScope,
  suppress,
} from "./suppression";
export { withdrawConsent } from "./withdraw";
