-- CreateTable
CREATE TABLE "Delivery" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "claimedAt" DATETIME NOT NULL,
    "reply" TEXT
);

-- CreateIndex
CREATE INDEX "Delivery_claimedAt_idx" ON "Delivery"("claimedAt");

