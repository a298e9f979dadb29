/** "Firstname LASTNAME" as French lists write it; empty when the contact has no name. */
export function contactName(c: { firstName: string; lastName: string }): string {
  return [c.firstName.trim(), c.lastName.trim().toLocaleUpperCase("fr-FR")].filter(Boolean).join(" ");
}
