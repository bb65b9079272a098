import { appendAuditEvent } from "./audit.ts";
import { clinicColumns } from "./clinics.ts";
import type { Db } from "./database.ts";
import { personOf, type Actor, type ClinicRecord, type ClinicRole, type MemberRecord, type PersonRecord } from "./records.ts";

export interface Membership {
  clinic: ClinicRecord;
  role: ClinicRole;
}

export function clinicMembershipRepository(db: Db) {
  return {
    /** The member's clinics, in the member's own workspace only. */
    async ofMember(member: Pick<MemberRecord, "id" | "platform" | "workspaceId">): Promise<Membership[]> {
      const memberships = await db.clinicMembership.findMany({
        where: { memberId: member.id, clinic: { platform: member.platform, workspaceId: member.workspaceId } },
        orderBy: { clinicId: "asc" },
        include: {
          clinic: { select: clinicColumns },
        },
      });
      return memberships.map((membership) => ({ clinic: membership.clinic, role: membership.role as ClinicRole }));
    },

    async roleIn(clinicId: number, memberId: number): Promise<ClinicRole | null> {
      const membership = await db.clinicMembership.findUnique({ where: { clinicId_memberId: { clinicId, memberId } } });
      return (membership?.role as ClinicRole | undefined) ?? null;
    },

    /** The clinic's members with their roles, ordered by role then name. */
    async ofClinic(clinicId: number): Promise<(PersonRecord & { role: ClinicRole })[]> {
      const memberships = await db.clinicMembership.findMany({ where: { clinicId }, include: { member: true } });
      const order = (role: string) => ["admin", "supervisor", "specialist", "team"].indexOf(role);
      return memberships
        .map(({ member, role }) => ({ ...personOf(member), role: role as ClinicRole }))
        .sort((a, b) => order(a.role) - order(b.role) || a.displayName.localeCompare(b.displayName, "sv"));
    },

    /** Who can add people to these clinics: their supervisors and admins. */
    async stewardsOf(clinicIds: readonly number[]): Promise<PersonRecord[]> {
      if (clinicIds.length === 0) return [];
      const memberships = await db.clinicMembership.findMany({
        where: { clinicId: { in: [...clinicIds] }, role: { in: ["supervisor", "admin"] } },
        include: { member: true },
        orderBy: { id: "asc" },
      });
      return memberships.map(({ member }) => personOf(member));
    },

    /** Gives the member this role in the clinic (their only one there); "unchanged" when they had it. */
    async setRole(clinicId: number, memberId: number, role: ClinicRole, actor: Actor, at: Date): Promise<"set" | "unchanged"> {
      return db.$transaction(async (tx) => {
        const before = await tx.clinicMembership.findUnique({ where: { clinicId_memberId: { clinicId, memberId } } });
        if (before?.role === role) return "unchanged";
        await tx.clinicMembership.upsert({ where: { clinicId_memberId: { clinicId, memberId } }, create: { clinicId, memberId, role }, update: { role } });
        await appendAuditEvent(tx, actor, at, "clinic-membership.role-set", { type: "member", id: memberId, clinicId }, { clinicId, role: { from: before?.role ?? null, to: role } });
        return "set";
      });
    },

    /** Takes the member out of the clinic; "not-member" when they were not in it. */
    async remove(clinicId: number, memberId: number, actor: Actor, at: Date): Promise<"removed" | "not-member"> {
      return db.$transaction(async (tx) => {
        const before = await tx.clinicMembership.findUnique({ where: { clinicId_memberId: { clinicId, memberId } } });
        if (!before) return "not-member";
        await tx.clinicMembership.delete({ where: { id: before.id } });
        await appendAuditEvent(tx, actor, at, "clinic-membership.removed", { type: "member", id: memberId, clinicId }, { clinicId, role: { from: before.role, to: null } });
        return "removed";
      });
    },
  };
}
