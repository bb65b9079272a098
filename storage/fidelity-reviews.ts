// Fidelity reviews and their item answers. Every change is one transaction with its audit event;
// a review is found only within its clinic, and a closed review is never changed.
import { appendAuditEvent } from "./audit.ts";
import type { Db } from "./database.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import type { FidelityAnswerRecord, FidelityReviewRecord, FidelityReviewStatus, NewAnswer, NextStep, ReviewChange } from "./fidelity-records.ts";
import type { Actor } from "./records.ts";
import { isUniqueViolation } from "./unique-violation.ts";

export interface NewReview {
  clinicId: number;
  periodMonths: number;
  periodFrom: string;
  periodTo: string;
}

const withAnswers = { answers: { orderBy: { id: "asc" } }, startedBy: { select: { displayName: true } } } as const;
type ReviewRow = Prisma.FidelityReviewGetPayload<{ include: typeof withAnswers }>;

export function fidelityReviewRepository(db: Db) {
  /** Loads the clinic's review and, if it is open, applies `change` to it in one transaction. */
  async function changeOpen(
    reviewId: number,
    clinicId: number,
    change: (tx: Prisma.TransactionClient, review: FidelityReviewRecord) => Promise<boolean>,
  ): Promise<ReviewChange> {
    return db.$transaction(async (tx) => {
      const row = await tx.fidelityReview.findFirst({ where: { id: reviewId, clinicId }, include: withAnswers });
      if (!row) return { outcome: "unknown" };
      const review = toReview(row);
      if (review.status !== "open") return { outcome: "closed", review };
      const changed = await change(tx, review);
      if (!changed) return { outcome: "unchanged", review };
      const after = await tx.fidelityReview.findUniqueOrThrow({ where: { id: reviewId }, include: withAnswers });
      return { outcome: "changed", review: toReview(after) };
    });
  }

  return {
    /** Starts a review; "already-open" when the clinic has one open (one per clinic). */
    async start(review: NewReview, actor: Actor, at: Date): Promise<FidelityReviewRecord | "already-open"> {
      try {
        return await db.$transaction(async (tx) => {
          const created = await tx.fidelityReview.create({
            data: { ...review, startedById: actor.memberId, status: "open", startedAt: at, updatedAt: at, openFor: review.clinicId },
            include: withAnswers,
          });
          await appendAuditEvent(tx, actor, at, "fidelity-review.started", { type: "fidelity-review", id: created.id, clinicId: review.clinicId }, {
            periodMonths: review.periodMonths,
            periodFrom: review.periodFrom,
            periodTo: review.periodTo,
          });
          return toReview(created);
        });
      } catch (error) {
        if (isUniqueViolation(error)) return "already-open";
        throw error;
      }
    },

    async openForClinic(clinicId: number): Promise<FidelityReviewRecord | null> {
      const row = await db.fidelityReview.findUnique({ where: { openFor: clinicId }, include: withAnswers });
      return row && toReview(row);
    },

    /** Which clinic a review belongs to (to route a click that names only the review). */
    async clinicOf(reviewId: number): Promise<number | null> {
      const row = await db.fidelityReview.findUnique({ where: { id: reviewId }, select: { clinicId: true } });
      return row?.clinicId ?? null;
    },

    async find(reviewId: number, clinicId: number): Promise<FidelityReviewRecord | null> {
      const row = await db.fidelityReview.findFirst({ where: { id: reviewId, clinicId }, include: withAnswers });
      return row && toReview(row);
    },

    /** Every review of the clinic with the given statuses, newest first. */
    async list(clinicId: number, statuses: readonly FidelityReviewStatus[]): Promise<FidelityReviewRecord[]> {
      const rows = await db.fidelityReview.findMany({
        where: { clinicId, status: { in: [...statuses] } },
        orderBy: [{ startedAt: "desc" }, { id: "desc" }],
        include: withAnswers,
      });
      return rows.map(toReview);
    },

    /**
     * Records an item's score (or a skip). A repeat of the same answer changes nothing, so a
     * double click or a redelivered request is harmless. `decide` sees the answers after this one
     * and says which item comes next and whether the review is complete.
     */
    async answer(reviewId: number, clinicId: number, answer: NewAnswer, decide: (review: FidelityReviewRecord) => NextStep, actor: Actor, at: Date) {
      return changeOpen(reviewId, clinicId, async (tx, review) => {
        const skipped = answer.score === null;
        const existing = review.answers.find((row) => row.itemKey === answer.itemKey);
        const sameAnswer = existing !== undefined && existing.score === answer.score && existing.skipped === skipped;
        const answers = review.answers.filter((row) => row.itemKey !== answer.itemKey);
        answers.push({ ...(existing ?? { note: null }), ...answer, skipped, answeredAt: at });
        const next = decide({ ...review, answers });
        if (sameAnswer && next.currentIndex === review.currentIndex && !next.complete) return false;
        const moved = await moveOrComplete(tx, review, next, at);
        if (sameAnswer) {
          await appendAuditEvent(tx, actor, at, moved.completed ? "fidelity-review.completed" : "fidelity-review.moved", reviewEntity(review), moved.details);
          return true;
        }
        const values = { score: answer.score, skipped, suggestedScore: answer.suggestedScore, evidence: answer.evidence, answeredById: actor.memberId, answeredAt: at };
        await tx.fidelityItemAnswer.upsert({
          where: { reviewId_itemKey: { reviewId, itemKey: answer.itemKey } },
          create: { reviewId, itemKey: answer.itemKey, ...values },
          update: values,
        });
        // One event for the answer, the move it makes and whether it completes the review.
        await appendAuditEvent(tx, actor, at, skipped ? "fidelity-review.item-skipped" : "fidelity-review.item-scored", reviewEntity(review), {
          itemKey: answer.itemKey,
          score: { from: existing?.score ?? null, to: answer.score },
          suggestedScore: answer.suggestedScore,
          ...moved.details,
        });
        return true;
      });
    },

    /** Asks a given item next (Back, or back to the skipped items). */
    async moveTo(reviewId: number, clinicId: number, currentIndex: number, actor: Actor, at: Date) {
      return changeOpen(reviewId, clinicId, async (tx, review) => {
        if (review.currentIndex === currentIndex) return false;
        const moved = await moveOrComplete(tx, review, { currentIndex, complete: false }, at);
        await appendAuditEvent(tx, actor, at, "fidelity-review.moved", reviewEntity(review), moved.details);
        return true;
      });
    },

    /** Keeps a note on an item, whether or not it has a score yet. */
    async note(reviewId: number, clinicId: number, itemKey: string, note: string | null, actor: Actor, at: Date) {
      return changeOpen(reviewId, clinicId, async (tx, review) => {
        const existing = review.answers.find((row) => row.itemKey === itemKey);
        if ((existing?.note ?? null) === note) return false;
        await tx.fidelityItemAnswer.upsert({
          where: { reviewId_itemKey: { reviewId, itemKey } },
          create: { reviewId, itemKey, note, answeredById: actor.memberId, answeredAt: at },
          update: { note },
        });
        await tx.fidelityReview.update({ where: { id: reviewId }, data: { updatedAt: at } });
        // The note stays on the answer, where an erasure reaches it.
        await appendAuditEvent(tx, actor, at, note === null ? "fidelity-review.note-removed" : "fidelity-review.note-saved", reviewEntity(review), { itemKey });
        return true;
      });
    },

    /** Abandons the review (it is kept, marked abandoned). */
    async abandon(reviewId: number, clinicId: number, actor: Actor, at: Date) {
      return changeOpen(reviewId, clinicId, async (tx, review) => {
        await tx.fidelityReview.update({ where: { id: reviewId }, data: { status: "abandoned", abandonedAt: at, updatedAt: at, openFor: null } });
        await appendAuditEvent(tx, actor, at, "fidelity-review.abandoned", reviewEntity(review), {});
        return true;
      });
    },

    /** Records that a summary (aggregates only) was posted to a clinic channel. */
    async summaryPosted(reviewId: number, channelId: number, messageId: string, actor: Actor, at: Date): Promise<void> {
      await db.$transaction(async (tx) => {
        const review = await tx.fidelityReview.findUniqueOrThrow({ where: { id: reviewId }, select: { id: true, clinicId: true } });
        await appendAuditEvent(tx, actor, at, "fidelity-review.summary-posted", reviewEntity(review), { clinicChannelId: channelId, messageId });
      });
    },
  };
}

const reviewEntity = (review: { id: number; clinicId: number }) => ({ type: "fidelity-review", id: review.id, clinicId: review.clinicId });

/** Moves the review to its next item or completes it; says what moved, for the one audit event of the change. */
async function moveOrComplete(tx: Prisma.TransactionClient, review: FidelityReviewRecord, next: NextStep, at: Date) {
  if (next.complete) {
    await tx.fidelityReview.update({
      where: { id: review.id },
      data: { currentIndex: next.currentIndex, status: "completed", completedAt: at, updatedAt: at, openFor: null },
    });
  } else {
    await tx.fidelityReview.update({ where: { id: review.id }, data: { currentIndex: next.currentIndex, updatedAt: at } });
  }
  return { completed: next.complete, details: { position: { from: review.currentIndex, to: next.currentIndex }, completed: next.complete } };
}

function toReview(row: ReviewRow): FidelityReviewRecord {
  return {
    id: row.id,
    clinicId: row.clinicId,
    startedById: row.startedById,
    startedByName: row.startedBy.displayName,
    periodMonths: row.periodMonths,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    status: row.status as FidelityReviewStatus,
    currentIndex: row.currentIndex,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    abandonedAt: row.abandonedAt,
    answers: row.answers.map(
      (answer): FidelityAnswerRecord => ({
        itemKey: answer.itemKey,
        score: answer.score,
        skipped: answer.skipped,
        suggestedScore: answer.suggestedScore,
        evidence: answer.evidence,
        note: answer.note,
        answeredAt: answer.answeredAt,
      }),
    ),
  };
}
