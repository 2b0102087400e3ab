-- AlterTable
ALTER TABLE "Exception" ADD COLUMN     "connectorId" UUID;

-- Backfill (written by hand): the connector of the first linked inbox event, else, for a
-- delivery failure, the connector of its outbox command.
UPDATE "Exception" e SET "connectorId" = COALESCE(
  (SELECT ie."connectorId" FROM "ExceptionEvent" ee JOIN "InboxEvent" ie ON ie.id = ee."inboxEventId"
    WHERE ee."exceptionId" = e.id AND ie."connectorId" IS NOT NULL ORDER BY ee."linkedAt", ie.id LIMIT 1),
  (SELECT oc."connectorId" FROM "OutboxCommand" oc WHERE e."entityType" = 'OutboxCommand' AND oc.id::text = e."entityId"))
WHERE e."connectorId" IS NULL;

-- CreateIndex
CREATE INDEX "Exception_legalEntityId_status_recoverabilityRank_financial_idx" ON "Exception"("legalEntityId", "status", "recoverabilityRank", "financialImpact" DESC, "id");

-- CreateIndex
CREATE INDEX "Exception_connectorId_status_recoverabilityRank_financialIm_idx" ON "Exception"("connectorId", "status", "recoverabilityRank", "financialImpact" DESC, "id");

-- AddForeignKey
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE SET NULL ON UPDATE CASCADE;
