// Where the Teams bot is installed, with the conversation reference (service URL, conversation,
// tenant, team) that proactive posts need. Removing the bot marks the installation removed and
// disconnects the clinic channels it served, in one transaction.
import { appendAuditEvent } from "./audit.ts";
import { disconnectChannelsIn } from "./channel-disconnections.ts";
import type { Db } from "./database.ts";
import type { Actor } from "./records.ts";

export interface TeamsConversationReference {
  tenantId: string;
  conversationId: string;
  conversationType: string;
  teamId: string | null;
  serviceUrl: string;
}

export interface TeamsInstallationRecord extends TeamsConversationReference {
  id: number;
  installedAt: Date;
  removedAt: Date | null;
  removedReason: string | null;
}

/** A whole team (all its channels) or one conversation (a group or personal chat, a channel). */
export type TeamsRemovalScope = { tenantId: string; teamId: string } | { tenantId: string; conversationId: string };

export function teamsInstallationRepository(db: Db) {
  async function store(reference: TeamsConversationReference, action: string, actor: Actor, at: Date): Promise<void> {
    await db.$transaction(async (tx) => {
      const { tenantId, conversationId, ...rest } = reference;
      const stored = await tx.teamsInstallation.upsert({
        where: { tenantId_conversationId: { tenantId, conversationId } },
        create: { ...reference, installedAt: at },
        update: { ...rest, installedAt: at, removedAt: null, removedReason: null },
      });
      await appendAuditEvent(tx, actor, at, action, { type: "teams-installation", id: stored.id, clinicId: null }, { ...reference });
    });
  }

  return {
    /** The bot was added (or re-added): store the reference and clear any earlier removal. */
    recordInstalled(reference: TeamsConversationReference, actor: Actor, at: Date): Promise<void> {
      return store(reference, "teams-installation.added", actor, at);
    },

    /**
     * A conversation the bot hears from (a channel of a team it was installed in before ipsbot
     * kept records, say): stored once so that removing the team later reaches its channels too.
     * Returns false when it was already known.
     */
    async recordSeen(reference: TeamsConversationReference, actor: Actor, at: Date): Promise<boolean> {
      const { tenantId, conversationId } = reference;
      const known = await db.teamsInstallation.findUnique({ where: { tenantId_conversationId: { tenantId, conversationId } }, select: { id: true } });
      if (known) return false;
      await store(reference, "teams-installation.seen", actor, at);
      return true;
    },

    /** Marks the installations in scope removed and disconnects their clinic channels. */
    async recordRemoved(scope: TeamsRemovalScope, reason: string, actor: Actor, at: Date): Promise<{ installations: number; channels: number }> {
      return db.$transaction(async (tx) => {
        const where = "teamId" in scope ? { tenantId: scope.tenantId, teamId: scope.teamId } : { tenantId: scope.tenantId, conversationId: scope.conversationId };
        const installations = await tx.teamsInstallation.findMany({ where: { ...where, removedAt: null } });
        for (const installation of installations) {
          await tx.teamsInstallation.update({ where: { id: installation.id }, data: { removedAt: at, removedReason: reason } });
          await appendAuditEvent(tx, actor, at, "teams-installation.removed", { type: "teams-installation", id: installation.id, clinicId: null }, { cause: reason });
        }
        // A team's General channel has the team's id as its conversation id.
        const channelIds = new Set(installations.map((installation) => installation.conversationId));
        channelIds.add("teamId" in scope ? scope.teamId : scope.conversationId);
        const channels = await disconnectChannelsIn(tx, { platform: "teams", workspaceId: scope.tenantId, channelIds: [...channelIds] }, reason, actor, at);
        return { installations: installations.length, channels };
      });
    },

    async find(tenantId: string, conversationId: string): Promise<TeamsInstallationRecord | null> {
      return db.teamsInstallation.findUnique({ where: { tenantId_conversationId: { tenantId, conversationId } } });
    },
  };
}
