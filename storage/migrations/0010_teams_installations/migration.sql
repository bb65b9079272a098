-- CreateTable
CREATE TABLE "TeamsInstallation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tenantId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "conversationType" TEXT NOT NULL,
    "teamId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "installedAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "removedReason" TEXT
);

-- CreateIndex
CREATE INDEX "TeamsInstallation_tenantId_teamId_idx" ON "TeamsInstallation"("tenantId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamsInstallation_tenantId_conversationId_key" ON "TeamsInstallation"("tenantId", "conversationId");

