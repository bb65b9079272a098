// The one door to the database: commands receive a Store and never see Prisma.
import { channelDisconnectionRepository } from "./channel-disconnections.ts";
import { clinicRepository } from "./clinics.ts";
import { databaseAnswers, openDatabase, type Db } from "./database.ts";
import { employerContactRepository } from "./employer-contacts.ts";
import { meetingFlagRepository } from "./meeting-flags.ts";
import { memberRepository } from "./members.ts";
import { participantRepository } from "./participants.ts";
import { teamsInstallationRepository } from "./teams-installations.ts";

export function createStore(db: Db) {
  return {
    clinics: clinicRepository(db),
    members: memberRepository(db),
    participants: participantRepository(db),
    employerContacts: employerContactRepository(db),
    meetingFlags: meetingFlagRepository(db),
    channelDisconnections: channelDisconnectionRepository(db),
    teamsInstallations: teamsInstallationRepository(db),
    isHealthy: () => databaseAnswers(db),
    close: () => db.$disconnect(),
  };
}

export type Store = ReturnType<typeof createStore>;

export function openStore(databaseUrl: string): Store {
  return createStore(openDatabase(databaseUrl));
}

export type * from "./records.ts";
