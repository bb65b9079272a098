import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import type { MemberRecord } from "./records.ts";

export interface MemberIdentity {
  platform: string;
  workspaceId: string;
  platformUserId: string;
  displayName: string;
}

export function memberRepository(db: Db) {
  return {
    /** The chat user behind a request, if ipsbot knows them; reading writes nothing. */
    async find(identity: Omit<MemberIdentity, "displayName">): Promise<MemberRecord | null> {
      const { platform, workspaceId, platformUserId } = identity;
      return db.member.findUnique({ where: { platform_workspaceId_platformUserId: { platform, workspaceId, platformUserId } } });
    },

    /** Members of a workspace with these platform user ids (the installation admins who have used ipsbot). */
    async findMany(workspace: { platform: string; workspaceId: string }, platformUserIds: readonly string[]): Promise<MemberRecord[]> {
      if (platformUserIds.length === 0) return [];
      return db.member.findMany({
        where: { platform: workspace.platform, workspaceId: workspace.workspaceId, platformUserId: { in: [...platformUserIds] } },
        orderBy: { id: "asc" },
      });
    },

    /** The language the person chose for answers to them (null: their platform's, else their clinic's); audited. */
    async chooseLocale(member: MemberRecord, locale: string | null, at: Date): Promise<MemberRecord> {
      return db.$transaction(async (tx) => {
        const updated = await tx.member.update({ where: { id: member.id }, data: { locale } });
        const actor = { platform: member.platform, workspaceId: member.workspaceId, memberId: member.id, platformUserId: member.platformUserId };
        await appendAuditEvent(tx, actor, at, "member.language", { type: "member", id: member.id, clinicId: null }, { locale: locale ?? "platform" });
        return updated;
      });
    },

    /** The chat user behind a request; their display name follows what the platform says now. */
    async upsert(identity: MemberIdentity, at: Date): Promise<MemberRecord> {
      const { platform, workspaceId, platformUserId, displayName } = identity;
      const existing = await db.member.findUnique({
        where: { platform_workspaceId_platformUserId: { platform, workspaceId, platformUserId } },
      });
      if (existing && existing.displayName === displayName) return existing;
      // A staff record added, or its name kept as the platform says it now: audited, without the name.
      return db.$transaction(async (tx) => {
        const member = await tx.member.upsert({
          where: { platform_workspaceId_platformUserId: { platform, workspaceId, platformUserId } },
          create: { platform, workspaceId, platformUserId, displayName },
          update: { displayName },
        });
        const actor = { platform, workspaceId, memberId: member.id, platformUserId };
        await appendAuditEvent(tx, actor, at, existing ? "member.renamed" : "member.added", { type: "member", id: member.id, clinicId: null }, existing ? { field: "displayName" } : {});
        return member;
      });
    },
  };
}
