-- DropIndex
DROP INDEX "Exception_assigneeId_status_idx";

-- CreateIndex
CREATE INDEX "Exception_assigneeId_status_recoverabilityRank_financialImp_idx" ON "Exception"("assigneeId", "status", "recoverabilityRank", "financialImpact" DESC, "id");

-- CreateIndex
CREATE INDEX "Exception_code_firstSeenAt_idx" ON "Exception"("code", "firstSeenAt");
