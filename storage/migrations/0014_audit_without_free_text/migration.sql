-- Audit events name their clinic and the actor's platform user id, and never carry free text
-- (issue 23). This migration is the only change ever made to audit rows: it removes the notes,
-- reasons, outcome notes and clinic names earlier releases copied into them, keeping who, what,
-- when and the structured fields, and records itself as an audit event.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "actorPlatformUserId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "clinicId" INTEGER;
ALTER TABLE "AuditEvent" ADD COLUMN "participantId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEvent_clinicId_occurredAt_idx" ON "AuditEvent"("clinicId", "occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_participantId_idx" ON "AuditEvent"("participantId");

CREATE TEMP TABLE "scrubbed_audit_event" AS
  SELECT "id" FROM "AuditEvent"
  WHERE json_type("details", '$.note') IS NOT NULL
     OR json_type("details", '$.reason') IS NOT NULL
     OR json_type("details", '$.outcomeNote') IS NOT NULL
     OR json_type("details", '$.name') IS NOT NULL;

DROP TRIGGER "AuditEvent_no_update";

-- Reasons that were a fixed word stay, as `cause`; the migration-written ones become words.
UPDATE "AuditEvent" SET "details" = json_set("details", '$.cause', json_extract("details", '$.reason'))
  WHERE "action" = 'teams-installation.removed' AND json_extract("details", '$.reason') IN ('bot-removed', 'app-uninstalled', 'team-deleted', 'channel-deleted');
UPDATE "AuditEvent" SET "details" = json_set("details", '$.cause', 'other-workspace')
  WHERE "action" = 'clinic-membership.removed' AND json_extract("details", '$.reason') = 'member of another workspace';
UPDATE "AuditEvent" SET "details" = json_set("details", '$.by', 'migration-0011')
  WHERE json_extract("details", '$.by') = 'migration 0011_clinic_workspaces';

-- The free text itself.
UPDATE "AuditEvent" SET "details" = json_remove("details", '$.note', '$.reason', '$.outcomeNote', '$.name')
  WHERE "id" IN (SELECT "id" FROM "scrubbed_audit_event");

-- Who acted, as their platform names them, and the clinic each earlier event belongs to.
UPDATE "AuditEvent" SET "actorPlatformUserId" = (SELECT m."platformUserId" FROM "Member" m WHERE m."id" = "AuditEvent"."actorMemberId")
  WHERE "actorMemberId" IS NOT NULL;
UPDATE "AuditEvent" SET "clinicId" = CASE "entityType"
    WHEN 'clinic' THEN CAST("entityId" AS INTEGER)
    WHEN 'participant' THEN (SELECT p."clinicId" FROM "Participant" p WHERE p."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'meeting-flag' THEN (SELECT f."clinicId" FROM "MeetingFlag" f WHERE f."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'job-start' THEN (SELECT j."clinicId" FROM "JobStart" j WHERE j."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'employer-contact' THEN (SELECT c."clinicId" FROM "EmployerContact" c WHERE c."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'fidelity-review' THEN (SELECT r."clinicId" FROM "FidelityReview" r WHERE r."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'clinic-channel' THEN (SELECT c."clinicId" FROM "ClinicChannel" c WHERE c."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'scheduled-post' THEN (SELECT c."clinicId" FROM "ScheduledPost" s JOIN "ClinicChannel" c ON c."id" = s."channelId" WHERE s."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    ELSE json_extract("details", '$.clinicId')
  END;

UPDATE "AuditEvent" SET "participantId" = CASE "entityType"
    WHEN 'participant' THEN CAST("entityId" AS INTEGER)
    WHEN 'meeting-flag' THEN (SELECT f."participantId" FROM "MeetingFlag" f WHERE f."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'job-start' THEN (SELECT j."participantId" FROM "JobStart" j WHERE j."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    WHEN 'employer-contact' THEN (SELECT c."participantId" FROM "EmployerContact" c WHERE c."id" = CAST("AuditEvent"."entityId" AS INTEGER))
    ELSE NULL
  END;

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

INSERT INTO "AuditEvent" ("occurredAt", "platform", "workspaceId", "actorMemberId", "action", "entityType", "entityId", "details")
  SELECT strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), 'system', '-', NULL, 'audit.free-text-removed', 'audit-event', '*',
         json_object('events', COUNT(*), 'by', 'migration-0014')
  FROM "scrubbed_audit_event"
  HAVING COUNT(*) > 0;

DROP TABLE "scrubbed_audit_event";
