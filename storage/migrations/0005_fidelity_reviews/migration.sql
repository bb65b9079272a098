-- CreateTable
CREATE TABLE "FidelityReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "clinicId" INTEGER NOT NULL,
    "startedById" INTEGER NOT NULL,
    "periodMonths" INTEGER NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currentIndex" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "abandonedAt" DATETIME,
    "openFor" INTEGER,
    CONSTRAINT "FidelityReview_clinicId_fkey" FOREIGN KEY ("clinicId") REFERENCES "Clinic" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FidelityReview_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FidelityItemAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reviewId" INTEGER NOT NULL,
    "itemKey" TEXT NOT NULL,
    "score" INTEGER,
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "suggestedScore" INTEGER,
    "evidence" TEXT,
    "note" TEXT,
    "answeredById" INTEGER NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    CONSTRAINT "FidelityItemAnswer_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "FidelityReview" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FidelityItemAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FidelityReview_openFor_key" ON "FidelityReview"("openFor");

-- CreateIndex
CREATE INDEX "FidelityReview_clinicId_status_idx" ON "FidelityReview"("clinicId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FidelityItemAnswer_reviewId_itemKey_key" ON "FidelityItemAnswer"("reviewId", "itemKey");

