-- CreateTable
CREATE TABLE "ClinicMembership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'specialist',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClinicMembership_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClinicMembership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClinicChannel" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "serviceUrl" TEXT,
    "connectedById" INTEGER NOT NULL,
    "connectedAt" DATETIME NOT NULL,
    "disconnectedAt" DATETIME,
    "disconnectedReason" TEXT,
    "activeKey" TEXT,
    CONSTRAINT "ClinicChannel_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClinicChannel_connectedById_fkey" FOREIGN KEY ("connectedById") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobStart" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "participantId" INTEGER NOT NULL,
    "employerId" INTEGER NOT NULL,
    "jobType" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hoursPerWeek" INTEGER,
    "startedOn" TEXT NOT NULL,
    "endedOn" TEXT,
    "endReason" TEXT,
    "recordedById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentFor" INTEGER,
    CONSTRAINT "JobStart_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobStart_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobStart_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "JobStart_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScheduledPost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "channelId" INTEGER NOT NULL,
    "slot" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "messageId" TEXT,
    "postedAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "ScheduledPost_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "ClinicChannel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Clinic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "locale" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Stockholm',
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '08:00',
    "meetingWeekday" INTEGER NOT NULL DEFAULT 2,
    "meetingTime" TEXT NOT NULL DEFAULT '09:00',
    "agendaLeadMinutes" INTEGER NOT NULL DEFAULT 60,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Clinic" ("createdAt", "id", "locale", "name", "timeZone") SELECT "createdAt", "id", "locale", "name", "timeZone" FROM "Clinic";
DROP TABLE "Clinic";
ALTER TABLE "new_Clinic" RENAME TO "Clinic";
CREATE UNIQUE INDEX "Clinic_name_key" ON "Clinic"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ClinicMembership_memberId_idx" ON "ClinicMembership"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicMembership_clinicId_memberId_key" ON "ClinicMembership"("clinicId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "ClinicChannel_activeKey_key" ON "ClinicChannel"("activeKey");

-- CreateIndex
CREATE INDEX "ClinicChannel_clinicId_idx" ON "ClinicChannel"("clinicId");

-- CreateIndex
CREATE UNIQUE INDEX "JobStart_currentFor_key" ON "JobStart"("currentFor");

-- CreateIndex
CREATE INDEX "JobStart_clinicId_startedOn_idx" ON "JobStart"("clinicId", "startedOn");

-- CreateIndex
CREATE INDEX "JobStart_participantId_idx" ON "JobStart"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledPost_kind_channelId_slot_key" ON "ScheduledPost"("kind", "channelId", "slot");

