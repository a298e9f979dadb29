export { type ActingMember, actingMember } from "./acting-member";
export { type Capability, can, capabilities, capabilitiesOf } from "./capabilities";
export { deviceIdFor, issueDeviceCookie } from "./device";
export { AccountError, type AccountErrorCode, accountErrorCodes } from "./errors";
export {
  AcceptInvitation,
  acceptInvitation,
  type Invitation,
  invitationLifetimeDays,
  inviteMember,
  listInvitations,
  pendingInvitations,
  roleGrants,
} from "./invitations";
export { signInLimits } from "./limits";
export { PasswordQueue, type PasswordQueueOptions, passwordQueue } from "./password-queue";
export { hashPassword, oneTimePassword, verifyPassword } from "./passwords";
export {
  Credentials,
  changePassword,
  findSession,
  normaliseEmail,
  openSession,
  purgeExpiredSessions,
  type SignInOptions,
  signIn,
  signOut,
  switchOrganisation,
} from "./sessions";
export {
  addMember,
  changeRole,
  createUser,
  type Grant,
  listMembers,
  membershipsOf,
  NewMember,
  NewUser,
  removeMember,
} from "./users";
