import { appendAuditEvent, SYSTEM_ACTOR } from "./audit.ts";
import { clinicColumns } from "./clinics.ts";
import type { Db } from "./database.ts";
import { isUniqueViolation } from "./unique-violation.ts";
import type { Actor, ClinicChannelRecord, ClinicRecord } from "./records.ts";

export interface ChannelAddress {
  platform: string;
  workspaceId: string;
  channelId: string;
}

export interface ConnectedChannel {
  channel: ClinicChannelRecord;
  clinic: ClinicRecord;
}

const activeKeyOf = (address: ChannelAddress) => `${address.platform}:${address.workspaceId}:${address.channelId}`;

const channelSelect = {
  id: true,
  clinicId: true,
  platform: true,
  workspaceId: true,
  channelId: true,
  serviceUrl: true,
  connectedAt: true,
  clinic: { select: clinicColumns },
} as const;

function toConnected(row: ClinicChannelRecord & { clinic: ClinicRecord }): ConnectedChannel {
  const { clinic, ...channel } = row;
  return { channel, clinic };
}

export function clinicChannelRepository(db: Db) {
  return {
    async activeAt(address: ChannelAddress): Promise<ConnectedChannel | null> {
      const row = await db.clinicChannel.findUnique({ where: { activeKey: activeKeyOf(address) }, select: channelSelect });
      return row && toConnected(row);
    },

    async activeForClinic(clinicId: number): Promise<ConnectedChannel[]> {
      const rows = await db.clinicChannel.findMany({ where: { clinicId, activeKey: { not: null } }, select: channelSelect, orderBy: { id: "asc" } });
      return rows.map(toConnected);
    },

    async allActive(): Promise<ConnectedChannel[]> {
      const rows = await db.clinicChannel.findMany({ where: { activeKey: { not: null } }, select: channelSelect, orderBy: { id: "asc" } });
      return rows.map(toConnected);
    },

    /** Connects the channel to the clinic; "already-connected" when it serves a clinic already. */
    async connect(
      clinicId: number,
      address: ChannelAddress & { serviceUrl: string | null },
      actor: Actor,
      at: Date,
    ): Promise<"connected" | "already-connected"> {
      try {
        await db.$transaction(async (tx) => {
          const row = await tx.clinicChannel.create({
            data: { clinicId, ...address, connectedById: actor.memberId, connectedAt: at, activeKey: activeKeyOf(address) },
          });
          await appendAuditEvent(tx, actor, at, "clinic-channel.connected", { type: "clinic-channel", id: row.id, clinicId }, { clinicId, ...address });
        });
        return "connected";
      } catch (error) {
        if (isUniqueViolation(error)) return "already-connected";
        throw error;
      }
    },

    /** Stops posting to a channel, recording why (a person disconnected it, or the bot was removed). */
    async disconnect(channelRowId: number, reason: string, actor: Actor | null, at: Date): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const channel = await tx.clinicChannel.findUnique({ where: { id: channelRowId }, select: { clinicId: true, channelId: true } });
        const { count } = await tx.clinicChannel.updateMany({
          where: { id: channelRowId, activeKey: { not: null } },
          data: { activeKey: null, disconnectedAt: at, disconnectedReason: reason },
        });
        if (count === 0 || !channel) return false;
        // The reason (free text) stays on the channel row; the event says who: a member, or the system.
        await appendAuditEvent(tx, actor ?? SYSTEM_ACTOR, at, "clinic-channel.disconnected", { type: "clinic-channel", id: channelRowId, clinicId: channel.clinicId }, {
          clinicId: channel.clinicId,
          channelId: channel.channelId,
          cause: actor ? "member" : "bot-removed",
        });
        return true;
      });
    },
  };
}
