-- CreateTable
CREATE TABLE "Clinic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "locale" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Stockholm',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Member" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "platformUserId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "specialistId" INTEGER NOT NULL,
    "enrolledOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "statusSince" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Participant_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Participant_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ParticipantStatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "participantId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "effectiveOn" TEXT NOT NULL,
    "note" TEXT,
    "recordedById" INTEGER NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ParticipantStatusChange_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ParticipantStatusChange_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Employer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "normalizedName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Employer_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmployerContact" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "specialistId" INTEGER NOT NULL,
    "employerId" INTEGER NOT NULL,
    "participantId" INTEGER,
    "contactType" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "note" TEXT,
    "requestKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmployerContact_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EmployerContact_specialistId_fkey" FOREIGN KEY ("specialistId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EmployerContact_employerId_fkey" FOREIGN KEY ("employerId") REFERENCES "Employer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "EmployerContact_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingFlag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "participantId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "flaggedById" INTEGER NOT NULL,
    "flaggedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openFor" INTEGER,
    "closedAt" DATETIME,
    "closedById" INTEGER,
    "outcomeNote" TEXT,
    CONSTRAINT "MeetingFlag_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingFlag_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingFlag_flaggedById_fkey" FOREIGN KEY ("flaggedById") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MeetingFlag_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "occurredAt" DATETIME NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "actorMemberId" INTEGER,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Clinic_name_key" ON "Clinic"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Member_platform_workspaceId_platformUserId_key" ON "Member"("platform", "workspaceId", "platformUserId");

-- CreateIndex
CREATE INDEX "Participant_specialistId_idx" ON "Participant"("specialistId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_clinicId_code_key" ON "Participant"("clinicId", "code");

-- CreateIndex
CREATE INDEX "ParticipantStatusChange_participantId_idx" ON "ParticipantStatusChange"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "Employer_clinicId_normalizedName_key" ON "Employer"("clinicId", "normalizedName");

-- CreateIndex
CREATE UNIQUE INDEX "EmployerContact_requestKey_key" ON "EmployerContact"("requestKey");

-- CreateIndex
CREATE INDEX "EmployerContact_specialistId_occurredOn_idx" ON "EmployerContact"("specialistId", "occurredOn");

-- CreateIndex
CREATE INDEX "EmployerContact_participantId_occurredOn_idx" ON "EmployerContact"("participantId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingFlag_openFor_key" ON "MeetingFlag"("openFor");

-- CreateIndex
CREATE INDEX "MeetingFlag_clinicId_closedAt_idx" ON "MeetingFlag"("clinicId", "closedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");


-- The audit log is append-only: refuse any UPDATE or DELETE of its rows.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;
