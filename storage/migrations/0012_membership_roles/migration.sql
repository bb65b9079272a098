-- One role per member per clinic, from a closed list (issue 20): the database refuses any other
-- value. Every existing membership keeps its role (ipsbot only ever wrote these four); a value
-- outside the list, which no release wrote, would become 'specialist', the least a member had.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClinicMembership" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'specialist' CHECK ("role" IN ('specialist', 'team', 'supervisor', 'admin')),
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClinicMembership_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ClinicMembership_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ClinicMembership" ("id", "clinicId", "memberId", "role", "createdAt")
  SELECT "id", "clinicId", "memberId",
         CASE WHEN "role" IN ('specialist', 'team', 'supervisor', 'admin') THEN "role" ELSE 'specialist' END,
         "createdAt"
  FROM "ClinicMembership";
DROP TABLE "ClinicMembership";
ALTER TABLE "new_ClinicMembership" RENAME TO "ClinicMembership";
CREATE INDEX "ClinicMembership_memberId_idx" ON "ClinicMembership"("memberId");
CREATE UNIQUE INDEX "ClinicMembership_clinicId_memberId_key" ON "ClinicMembership"("clinicId", "memberId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
