// Plain records of fidelity reviews, so commands never see Prisma's types.

export type FidelityReviewStatus = "open" | "completed" | "abandoned";

export interface FidelityAnswerRecord {
  itemKey: string;
  /** 1-5, or null while skipped or only noted. */
  score: number | null;
  skipped: boolean;
  suggestedScore: number | null;
  /** JSON of the evidence shown with the item, or null. */
  evidence: string | null;
  note: string | null;
  answeredAt: Date;
}

export interface FidelityReviewRecord {
  id: number;
  clinicId: number;
  startedById: number;
  startedByName: string;
  periodMonths: number;
  periodFrom: string;
  periodTo: string;
  status: FidelityReviewStatus;
  currentIndex: number;
  startedAt: Date;
  completedAt: Date | null;
  abandonedAt: Date | null;
  answers: FidelityAnswerRecord[];
}

/** What the conversation decides after an answer: the item to ask next and whether the review is done. */
export interface NextStep {
  currentIndex: number;
  complete: boolean;
}

export interface NewAnswer {
  itemKey: string;
  /** 1-5, or null to skip the item for now. */
  score: number | null;
  suggestedScore: number | null;
  evidence: string | null;
}

export type ReviewChange =
  | { outcome: "changed" | "unchanged"; review: FidelityReviewRecord }
  | { outcome: "closed"; review: FidelityReviewRecord }
  | { outcome: "unknown" };
