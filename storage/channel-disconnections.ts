// Stops a clinic's channels from receiving digests and agendas when the platform says the bot
// can no longer post there (removed from the team, team deleted): the rows stay, marked with
// when and why, and their activeKey is released so the channel can be connected again later.
import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import type { Actor } from "./records.ts";

export interface ChannelsToDisconnect {
  platform: string;
  workspaceId: string;
  channelIds: readonly string[];
}

/** Disconnects the connected channels among `channelIds`; returns how many were connected. */
export async function disconnectChannelsIn(tx: Prisma.TransactionClient, where: ChannelsToDisconnect, reason: string, actor: Actor, at: Date): Promise<number> {
  const connected = await tx.clinicChannel.findMany({
    where: { platform: where.platform, workspaceId: where.workspaceId, channelId: { in: [...where.channelIds] }, disconnectedAt: null },
    select: { id: true, clinicId: true, channelId: true },
  });
  for (const channel of connected) {
    await tx.clinicChannel.update({ where: { id: channel.id }, data: { disconnectedAt: at, disconnectedReason: reason, activeKey: null } });
    // The reason stays on the channel row; the event says only that the platform removed the bot.
    await appendAuditEvent(tx, actor, at, "clinic-channel.disconnected", { type: "clinic-channel", id: channel.id, clinicId: channel.clinicId }, {
      clinicId: channel.clinicId,
      channelId: channel.channelId,
      cause: "bot-removed",
    });
  }
  return connected.length;
}

export function channelDisconnectionRepository(db: Db) {
  return {
    disconnect(where: ChannelsToDisconnect, reason: string, actor: Actor, at: Date): Promise<number> {
      return db.$transaction((tx) => disconnectChannelsIn(tx, where, reason, actor, at));
    },
  };
}
