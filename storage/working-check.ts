// Reads, across every clinic, each participant's stored status beside their current job: the
// one-off check (`npm run check:working`) reports where the two disagree.
import type { Db } from "./database.ts";

export interface StatusBesideJob {
  clinicName: string;
  code: string;
  status: string;
  /** The current job's kind, or null without one. */
  currentJobKind: string | null;
}

export async function statusesBesideCurrentJobs(db: Db): Promise<StatusBesideJob[]> {
  const participants = await db.participant.findMany({
    orderBy: [{ clinicId: "asc" }, { code: "asc" }],
    select: { code: true, status: true, clinic: { select: { name: true } }, jobStarts: { where: { currentFor: { not: null } }, select: { kind: true } } },
  });
  return participants.map((participant) => ({
    clinicName: participant.clinic.name,
    code: participant.code,
    status: participant.status,
    currentJobKind: participant.jobStarts[0]?.kind ?? null,
  }));
}
