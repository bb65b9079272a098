// Roles are given by people (`/ips admin role`); suites that test something else start from a
// clinic whose members already have theirs, written through the same storage calls the admin
// command uses (with their audit events).
import type { Clock } from "../../commands/context.ts";
import type { ClinicRole, Store } from "../../storage/store.ts";

export interface SeededMember {
  platformUserId: string;
  displayName: string;
  role: ClinicRole;
}

export const DEFAULT_CLINIC_NAME = "Clinic";

/** Creates the workspace's clinic (if new) and gives each member their role in it; safe to repeat. */
export async function seedClinicMembers(
  store: Store,
  workspace: { platform: "slack" | "teams"; workspaceId: string },
  members: readonly SeededMember[],
  clock: Clock,
  clinicName = DEFAULT_CLINIC_NAME,
): Promise<void> {
  const clinic = await store.clinics.ensure(workspace, clinicName);
  for (const seeded of members) {
    const member = await store.members.upsert({ ...workspace, platformUserId: seeded.platformUserId, displayName: seeded.displayName }, clock.now());
    await store.memberships.setRole(clinic.id, member.id, seeded.role, { ...workspace, memberId: member.id }, clock.now());
  }
}
