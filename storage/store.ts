// The one door to the database: commands receive a Store and never see Prisma.
import { auditLogRepository } from "./audit-log.ts";
import { participantExportRepository } from "./participant-export.ts";
import { participantErasureRepository } from "./participant-erasure.ts";
import { clinicChannelRepository } from "./clinic-channels.ts";
import { clinicMembershipRepository } from "./clinic-memberships.ts";
import { channelDisconnectionRepository } from "./channel-disconnections.ts";
import { clinicRepository } from "./clinics.ts";
import { databaseAnswers, openDatabase, type Db } from "./database.ts";
import { forgetOldDeliveries, runOnce, type Once } from "./deliveries.ts";
import { employerContactRepository } from "./employer-contacts.ts";
import { clinicFactsRepository } from "./clinic-facts.ts";
import { jobStartRepository } from "./job-starts.ts";
import { fidelityEvidenceRepository } from "./fidelity-evidence.ts";
import { fidelityReviewRepository } from "./fidelity-reviews.ts";
import { meetingFlagRepository } from "./meeting-flags.ts";
import { memberRepository } from "./members.ts";
import { participantRepository } from "./participants.ts";
import { scheduledPostRepository } from "./scheduled-posts.ts";
import { teamsInstallationRepository } from "./teams-installations.ts";

export function createStore(db: Db) {
  return {
    /**
     * Runs `work` against a store bound to one transaction that claims `deliveryKey` first: a
     * redelivered request gets the first result back and does nothing (deliveries.ts).
     */
    once: <T>(deliveryKey: string, at: Date, work: (store: Store) => Promise<T>): Promise<Once<T>> =>
      runOnce(db, deliveryKey, at, (txDb) => work(createStore(txDb))),
    forgetOldDeliveries: (now: Date) => forgetOldDeliveries(db, now),
    clinics: clinicRepository(db),
    memberships: clinicMembershipRepository(db),
    channels: clinicChannelRepository(db),
    members: memberRepository(db),
    participants: participantRepository(db),
    employerContacts: employerContactRepository(db),
    meetingFlags: meetingFlagRepository(db),
    jobStarts: jobStartRepository(db),
    clinicFacts: clinicFactsRepository(db),
    scheduledPosts: scheduledPostRepository(db),
    fidelityReviews: fidelityReviewRepository(db),
    fidelityEvidence: fidelityEvidenceRepository(db),
    channelDisconnections: channelDisconnectionRepository(db),
    teamsInstallations: teamsInstallationRepository(db),
    auditLog: auditLogRepository(db),
    participantExports: participantExportRepository(db),
    participantErasures: participantErasureRepository(db),
    isHealthy: () => databaseAnswers(db),
    close: () => db.$disconnect(),
  };
}

export interface Store extends ReturnType<typeof createStore> {}

export function openStore(databaseUrl: string): Store {
  return createStore(openDatabase(databaseUrl));
}

export type * from "./records.ts";
export type * from "./clinic-facts.ts";
export type * from "./fidelity-records.ts";
export type { AuditEntry, AuditQuery } from "./audit-log.ts";
export type { ErasureResult, PostMention } from "./participant-erasure.ts";
export { SYSTEM_ACTOR } from "./audit.ts";
