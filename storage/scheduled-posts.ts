// Claims on scheduled posts. A digest (channel, ISO week) or an agenda (channel, meeting day) is
// claimed with a unique row before anything is sent, so restarts, retries and several bot
// processes sharing the database post it at most once.
import { appendAuditEvent, SYSTEM_ACTOR } from "./audit.ts";
import type { Db } from "./database.ts";
import { isUniqueViolation } from "./unique-violation.ts";

export type PostKind = "digest" | "agenda";

export interface PostSlot {
  kind: PostKind;
  channelId: number;
  slot: string;
}

/** A claim left "claimed" this long is taken to belong to a process that died mid-post. */
export const STALE_CLAIM_MS = 10 * 60_000;


export function scheduledPostRepository(db: Db) {
  const where = (slot: PostSlot) => ({ kind_channelId_slot: { kind: slot.kind, channelId: slot.channelId, slot: slot.slot } });
  return {
    /** The claim's id when this process may post now; null when it is posted, missed or someone else's. */
    async claim(slot: PostSlot, claimant: string, now: Date): Promise<number | null> {
      try {
        const row = await db.scheduledPost.create({ data: { ...slot, status: "claimed", claimedBy: claimant, claimedAt: now, attempts: 1 } });
        return row.id;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const existing = await db.scheduledPost.findUnique({ where: where(slot) });
      if (!existing) return null;
      // Take over a failed post whose retry is due, or a claim abandoned by a crashed process.
      const { count } = await db.scheduledPost.updateMany({
        where: {
          id: existing.id,
          OR: [
            { status: "failed", nextAttemptAt: { lte: now } },
            { status: "claimed", claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
          ],
        },
        data: { status: "claimed", claimedBy: claimant, claimedAt: now, attempts: { increment: 1 } },
      });
      return count === 1 ? existing.id : null;
    },

    async markPosted(id: number, messageId: string, now: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = await tx.scheduledPost.update({ where: { id }, data: { status: "posted", messageId, postedAt: now, lastError: null, nextAttemptAt: null } });
        const channel = await tx.clinicChannel.findUnique({ where: { id: row.channelId }, select: { clinicId: true } });
        await appendAuditEvent(tx, SYSTEM_ACTOR, now, `${row.kind}.posted`, { type: "scheduled-post", id, clinicId: channel?.clinicId ?? null }, { channelId: row.channelId, slot: row.slot, messageId });
      });
    },

    async markFailed(id: number, error: string, retryAt: Date | null): Promise<number> {
      const row = await db.scheduledPost.update({ where: { id }, data: { status: retryAt ? "failed" : "abandoned", lastError: error.slice(0, 500), nextAttemptAt: retryAt } });
      return row.attempts;
    },

    /** Records that a slot's window closed without a post; false if it was posted (or already recorded). */
    async markMissedIfUnposted(slot: PostSlot, claimant: string, now: Date): Promise<boolean> {
      try {
        await db.scheduledPost.create({ data: { ...slot, status: "missed", claimedBy: claimant, claimedAt: now } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const { count } = await db.scheduledPost.updateMany({ where: { ...slot, status: { in: ["failed", "claimed"] } }, data: { status: "missed" } });
      return count === 1;
    },

    /**
     * Forgets claims older than `before`: a slot that old is never posted again, and the erasure
     * answer lists posts only within the retention period. Audited as one system event with a count.
     */
    async forgetOlderThan(before: Date, now: Date): Promise<number> {
      return db.$transaction(async (tx) => {
        const { count } = await tx.scheduledPost.deleteMany({ where: { claimedAt: { lt: before } } });
        if (count > 0) await appendAuditEvent(tx, SYSTEM_ACTOR, now, "scheduled-posts.forgotten", { type: "scheduled-post", id: "*", clinicId: null }, { count, before: before.toISOString() });
        return count;
      });
    },

    async find(slot: PostSlot) {
      return db.scheduledPost.findUnique({ where: where(slot) });
    },
  };
}
