import { appendAuditEvent } from "./audit.ts";
import { clinicColumns } from "./clinics.ts";
import type { Db } from "./database.ts";
import type { Actor, ClinicRecord, ClinicRole, MemberRecord } from "./records.ts";

export interface Membership {
  clinic: ClinicRecord;
  role: ClinicRole;
}

export function clinicMembershipRepository(db: Db) {
  return {
    /** Makes the member part of the clinic (as specialist) if they are not yet. */
    async ensure(clinicId: number, memberId: number): Promise<void> {
      await db.clinicMembership.upsert({ where: { clinicId_memberId: { clinicId, memberId } }, create: { clinicId, memberId }, update: {} });
    },

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

    async hasSupervisor(clinicId: number): Promise<boolean> {
      return (await db.clinicMembership.count({ where: { clinicId, role: { in: ["supervisor", "admin"] } } })) > 0;
    },

    async setRole(clinicId: number, memberId: number, role: ClinicRole, actor: Actor, at: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        await tx.clinicMembership.upsert({ where: { clinicId_memberId: { clinicId, memberId } }, create: { clinicId, memberId, role }, update: { role } });
        await appendAuditEvent(tx, actor, at, "clinic-membership.role-set", { type: "member", id: memberId }, { clinicId, role });
      });
    },
  };
}
