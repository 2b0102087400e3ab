-- DropIndex
DROP INDEX "Exception_status_slaDueAt_idx";

-- CreateIndex
CREATE INDEX "Exception_status_slaDueAt_id_idx" ON "Exception"("status", "slaDueAt", "id");

-- CreateIndex
CREATE INDEX "Exception_status_financialImpact_id_idx" ON "Exception"("status", "financialImpact", "id");

-- CreateIndex
CREATE INDEX "Exception_status_lastSeenAt_id_idx" ON "Exception"("status", "lastSeenAt", "id");

-- CreateIndex
CREATE INDEX "Exception_status_firstSeenAt_id_idx" ON "Exception"("status", "firstSeenAt", "id");

-- CreateIndex
CREATE INDEX "Exception_status_occurrences_id_idx" ON "Exception"("status", "occurrences", "id");
