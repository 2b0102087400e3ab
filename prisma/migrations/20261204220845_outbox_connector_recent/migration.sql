-- CreateIndex
CREATE INDEX "OutboxCommand_connectorId_createdAt_idx" ON "OutboxCommand"("connectorId", "createdAt");
