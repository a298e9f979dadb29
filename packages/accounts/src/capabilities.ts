import type { Role } from "@isoloir/db";

/** Who may do what: the role table of docs/roles.md, for the features built so far. */
export const capabilities = {
  readContacts: ["owner", "admin", "compliance", "staff", "volunteer"],
  readAllContacts: ["owner", "admin", "compliance", "staff"],
  exportImport: ["owner", "admin", "compliance", "staff"],
  manageMembers: ["owner", "admin"],
  manageOrgSettings: ["owner", "admin"],
  readJurisdictions: ["owner", "admin", "compliance"],
  readProviders: ["owner", "admin", "compliance", "staff"],
  manageEnrichment: ["owner", "admin"],
  runEnrichment: ["owner", "admin", "staff"],
  planPurge: ["owner", "admin", "compliance"],
  approvePurge: ["compliance"],
  runPurge: ["owner", "admin", "compliance"],
  readAudit: ["owner", "admin", "compliance"],
  readRules: ["owner", "admin", "compliance", "staff"],
  readDiffs: ["owner", "admin", "compliance"],
  turnOffFourEyes: ["owner"],
  readRoleGrants: ["owner", "compliance"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

export function can(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role);
}

export function capabilitiesOf(role: Role): Capability[] {
  return (Object.keys(capabilities) as Capability[]).filter((c) => can(role, c));
}
