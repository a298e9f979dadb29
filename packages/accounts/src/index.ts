export { type ActingMember, actingMember } from "./acting-member";
export { type Capability, can, capabilities, capabilitiesOf } from "./capabilities";
export { AccountError, type AccountErrorCode, accountErrorCodes } from "./errors";
export { hashPassword, oneTimePassword, verifyPassword } from "./passwords";
export {
  Credentials,
  changePassword,
  findSession,
  openSession,
  purgeExpiredSessions,
  signIn,
  signOut,
  switchOrganisation,
} from "./sessions";
export {
  addMember,
  changeRole,
  createUser,
  listMembers,
  membershipsOf,
  NewMember,
  NewUser,
  removeMember,
} from "./users";
