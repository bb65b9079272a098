-- Every clinic belongs to one Slack workspace or one Teams tenant (issue 20).
--
-- An existing clinic is placed where its own records say it lives: the workspace of its channels,
-- else of its supervisors, else of the specialists whose participants it holds, else of most of its
-- members. Each placement is an audit event. A clinic with none of these keeps an empty workspace,
-- is reachable from nowhere, and is reported at every start. Memberships that cross into another
-- workspace (ipsbot used to let anyone join the one default clinic) are removed, each with an audit
-- event; the participants of a specialist who lost access stay in the clinic for its supervisor to
-- transfer.

CREATE TABLE "_ClinicPlacement" (
    "clinicId" INTEGER NOT NULL,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL,
    "firstSeen" INTEGER NOT NULL
);
INSERT INTO "_ClinicPlacement"
  SELECT "clinicId", "platform", "workspaceId", 1, COUNT(*), MIN("id") FROM "ClinicChannel" GROUP BY "clinicId", "platform", "workspaceId";
INSERT INTO "_ClinicPlacement"
  SELECT cm."clinicId", m."platform", m."workspaceId", 2, COUNT(*), MIN(cm."id")
  FROM "ClinicMembership" cm JOIN "Member" m ON m."id" = cm."memberId"
  WHERE cm."role" IN ('supervisor', 'admin') GROUP BY cm."clinicId", m."platform", m."workspaceId";
INSERT INTO "_ClinicPlacement"
  SELECT p."clinicId", m."platform", m."workspaceId", 3, COUNT(*), MIN(p."id")
  FROM "Participant" p JOIN "Member" m ON m."id" = p."specialistId" GROUP BY p."clinicId", m."platform", m."workspaceId";
INSERT INTO "_ClinicPlacement"
  SELECT cm."clinicId", m."platform", m."workspaceId", 4, COUNT(*), MIN(cm."id")
  FROM "ClinicMembership" cm JOIN "Member" m ON m."id" = cm."memberId" GROUP BY cm."clinicId", m."platform", m."workspaceId";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Clinic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
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
INSERT INTO "new_Clinic" ("agendaLeadMinutes", "createdAt", "digestTime", "digestWeekday", "id", "locale", "meetingTime", "meetingWeekday", "name", "timeZone", "platform", "workspaceId")
  SELECT "agendaLeadMinutes", "createdAt", "digestTime", "digestWeekday", "id", "locale", "meetingTime", "meetingWeekday", "name", "timeZone",
    COALESCE((SELECT pl."platform" FROM "_ClinicPlacement" pl WHERE pl."clinicId" = "Clinic"."id"
              ORDER BY pl."priority", pl."weight" DESC, pl."firstSeen", pl."platform", pl."workspaceId" LIMIT 1), ''),
    COALESCE((SELECT pl."workspaceId" FROM "_ClinicPlacement" pl WHERE pl."clinicId" = "Clinic"."id"
              ORDER BY pl."priority", pl."weight" DESC, pl."firstSeen", pl."platform", pl."workspaceId" LIMIT 1), '')
  FROM "Clinic";
DROP TABLE "Clinic";
ALTER TABLE "new_Clinic" RENAME TO "Clinic";
CREATE UNIQUE INDEX "Clinic_platform_workspaceId_name_key" ON "Clinic"("platform", "workspaceId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

DROP TABLE "_ClinicPlacement";

INSERT INTO "AuditEvent" ("occurredAt", "platform", "workspaceId", "actorMemberId", "action", "entityType", "entityId", "details")
  SELECT strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), c."platform", c."workspaceId", NULL,
         CASE WHEN c."workspaceId" = '' THEN 'clinic.workspace-unplaced' ELSE 'clinic.workspace-assigned' END,
         'clinic', CAST(c."id" AS TEXT), json_object('platform', c."platform", 'workspaceId', c."workspaceId", 'by', 'migration 0011_clinic_workspaces')
  FROM "Clinic" c ORDER BY c."id";

INSERT INTO "AuditEvent" ("occurredAt", "platform", "workspaceId", "actorMemberId", "action", "entityType", "entityId", "details")
  SELECT strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), m."platform", m."workspaceId", NULL, 'clinic-membership.removed', 'member', CAST(m."id" AS TEXT),
         json_object('clinicId', cm."clinicId", 'role', cm."role", 'reason', 'member of another workspace', 'by', 'migration 0011_clinic_workspaces')
  FROM "ClinicMembership" cm JOIN "Member" m ON m."id" = cm."memberId" JOIN "Clinic" c ON c."id" = cm."clinicId"
  WHERE c."platform" <> m."platform" OR c."workspaceId" <> m."workspaceId" ORDER BY cm."id";

DELETE FROM "ClinicMembership" WHERE "id" IN (
  SELECT cm."id" FROM "ClinicMembership" cm JOIN "Member" m ON m."id" = cm."memberId" JOIN "Clinic" c ON c."id" = cm."clinicId"
  WHERE c."platform" <> m."platform" OR c."workspaceId" <> m."workspaceId"
);
