// Message keys the commands build at run time (help lines, status and contact-type labels,
// fidelity bands and evidence).
// Checked at start-up so a command added without its prompts stops the bot, not a user.
import { CLINIC_ROLES } from "../storage/records.ts";
import { commandRegistry } from "./registry.ts";
import { PARTICIPANT_STATUSES } from "./rules/caseload.ts";
import { CONTACT_TYPES } from "./rules/employer-contacts.ts";
import { BANDS } from "./fidelity/scoring.ts";
import { SUGGESTERS } from "./fidelity/suggestions/index.ts";

export function requiredMessageKeys(): string[] {
  return [
    ...commandRegistry.flatMap((spec) => ["purpose", "usage", "example"].map((part) => `command.${spec.key}.${part}`)),
    ...PARTICIPANT_STATUSES.map((status) => `status.${status}`),
    ...CONTACT_TYPES.map((type) => `contactType.${type}`),
    ...BANDS.map((band) => `fidelity.band.${band}`),
    ...SUGGESTERS.flatMap((suggester) => suggester.messageKeys),
    ...CLINIC_ROLES.flatMap((role) => [`role.${role}`, `roles.${role}`]),
    ...["digest", "agenda"].map((kind) => `erase.postKind.${kind}`),
  ];
}

export function missingMessageKeys(has: (key: string) => boolean): string[] {
  return requiredMessageKeys().filter((key) => !has(key));
}
