// Erasing a participant (GDPR article 17, and the retention job): every piece of free text about
// them is removed (status notes, contact notes, flag reasons and outcome notes) and their code is
// replaced by a tombstone such as `erased-000123` wherever ipsbot stored it (the participant, and
// fidelity evidence and notes that named it). Counts, dates, statuses and jobs stay, so the
// digest's figures are the same before and after. One audit event, carrying no erased text.
import { appendAuditEvent, SYSTEM_ACTOR } from "./audit.ts";
import type { Db } from "./database.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import type { Actor } from "./records.ts";

export const TOMBSTONE_PREFIX = "erased-";
export const tombstoneOf = (participantId: number) => `${TOMBSTONE_PREFIX}${String(participantId).padStart(6, "0")}`;
export const isTombstone = (code: string) => code.startsWith(TOMBSTONE_PREFIX);

/** Where the bot posted while the participant could be named in the post: the admin removes those by hand. */
export interface PostMention {
  kind: string;
  channelId: string;
  platform: string;
  postedAt: Date;
}

export type ErasureResult =
  | { outcome: "unknown" }
  | { outcome: "already-erased"; tombstone: string }
  | { outcome: "erased"; code: string; tombstone: string; texts: number; posts: PostMention[] };

export function participantErasureRepository(db: Db) {
  return {
    async erase(clinicId: number, participantId: number, actor: Actor | typeof SYSTEM_ACTOR, at: Date, cause: "request" | "retention"): Promise<ErasureResult> {
      return db.$transaction(async (tx) => {
        const participant = await tx.participant.findFirst({ where: { id: participantId, clinicId } });
        if (!participant) return { outcome: "unknown" };
        if (isTombstone(participant.code)) return { outcome: "already-erased", tombstone: participant.code };
        const code = participant.code;
        const tombstone = tombstoneOf(participant.id);
        // What was typed about them, to find it again in stored first answers (Delivery) below.
        const typed = [
          ...(await tx.participantStatusChange.findMany({ where: { participantId, note: { not: null } }, select: { note: true } })).map((row) => row.note!),
          ...(await tx.employerContact.findMany({ where: { participantId, note: { not: null } }, select: { note: true } })).map((row) => row.note!),
          ...(await tx.meetingFlag.findMany({ where: { participantId }, select: { reason: true, outcomeNote: true } })).flatMap((row) => [row.reason, row.outcomeNote ?? ""]),
        ].filter((text) => text.trim() !== "");
        let texts = 0;
        texts += (await tx.participantStatusChange.updateMany({ where: { participantId, note: { not: null } }, data: { note: null } })).count;
        texts += (await tx.employerContact.updateMany({ where: { participantId, note: { not: null } }, data: { note: null } })).count;
        texts += (await tx.meetingFlag.updateMany({ where: { participantId, NOT: { reason: "" } }, data: { reason: "" } })).count;
        texts += (await tx.meetingFlag.updateMany({ where: { participantId, outcomeNote: { not: null } }, data: { outcomeNote: null } })).count;
        // Fidelity evidence lists codes, and a supervisor's note may name one: the code gives way to the tombstone.
        const answers = await tx.fidelityItemAnswer.findMany({
          where: { review: { clinicId }, OR: [{ evidence: { contains: code } }, { note: { contains: code } }] },
          select: { id: true, evidence: true, note: true },
        });
        const named = new RegExp(`\\b${code.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}\\b`, "g");
        for (const answer of answers) {
          await tx.fidelityItemAnswer.update({
            where: { id: answer.id },
            data: { evidence: answer.evidence?.replace(named, tombstone) ?? null, note: answer.note?.replace(named, tombstone) ?? null },
          });
        }
        await tx.participant.update({ where: { id: participantId }, data: { code: tombstone } });
        // A redelivered request is answered with its stored first answer, which may repeat the code or a note.
        await tx.delivery.deleteMany({ where: { OR: [code, ...typed].map((text) => ({ reply: { contains: text } })) } });
        const posts = await postsThatMayName(tx, clinicId, new Date(`${participant.enrolledOn}T00:00:00Z`), participantId);
        await appendAuditEvent(tx, actor, at, "participant.erased", { type: "participant", id: participantId, clinicId, participantId }, { code: { from: code, to: tombstone }, texts, cause });
        return { outcome: "erased", code, tombstone, texts, posts };
      });
    },

    /** Participants closed before `closedBefore` (a day) and not yet erased: the retention job's work. */
    async closedBefore(closedBefore: string): Promise<{ id: number; clinicId: number }[]> {
      return db.participant.findMany({
        where: { status: "closed", statusSince: { lt: closedBefore }, NOT: { code: { startsWith: TOMBSTONE_PREFIX } } },
        select: { id: true, clinicId: true },
        orderBy: { id: "asc" },
      });
    },
  };
}

/**
 * The bot's posts that may show the code: agendas posted while the participant had an open flag,
 * and digests posted while they were enrolled (their waiting lists name codes).
 */
async function postsThatMayName(tx: Prisma.TransactionClient, clinicId: number, enrolledAt: Date, participantId: number): Promise<PostMention[]> {
  const flags = await tx.meetingFlag.findMany({ where: { participantId }, select: { flaggedAt: true, closedAt: true } });
  const posts = await tx.scheduledPost.findMany({
    where: { status: "posted", channel: { clinicId }, postedAt: { gte: enrolledAt } },
    include: { channel: { select: { channelId: true, platform: true } } },
    orderBy: { postedAt: "asc" },
  });
  return posts
    .filter((post) => post.kind !== "agenda" || flags.some((flag) => flag.flaggedAt <= post.postedAt! && (!flag.closedAt || flag.closedAt > post.postedAt!)))
    .map((post) => ({ kind: post.kind, channelId: post.channel.channelId, platform: post.channel.platform, postedAt: post.postedAt! }));
}
