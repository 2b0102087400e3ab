-- KPI rollups: daily sums the KPI API reads instead of every time transaction and invoice
-- (docs/KPIS.md), and the indexes its live reads need: the few unbilled approved time rows,
-- processed events for latency, invoices by eligibility (timeliness) and by the day they were
-- issued or voided (today's ledger facts).
-- CreateTable
CREATE TABLE "KpiDailyFact" (
    "id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "legalEntityId" UUID,
    "key" TEXT NOT NULL DEFAULT '',
    "amount" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "hours" DECIMAL(65,30) NOT NULL DEFAULT 0,
    "count" INTEGER NOT NULL DEFAULT 0,
    "missing" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "KpiDailyFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiRollup" (
    "id" TEXT NOT NULL,
    "through" DATE NOT NULL,
    "refreshedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KpiRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KpiDailyFact_metric_day_legalEntityId_key_amount_hours_coun_idx" ON "KpiDailyFact"("metric", "day", "legalEntityId", "key", "amount", "hours", "count", "missing");

-- CreateIndex
CREATE INDEX "InboxEvent_processed_latency_idx" ON "InboxEvent"("processedAt", "receivedAt", "type", "connectorId") WHERE (status = 'PROCESSED');

-- CreateIndex
CREATE INDEX "Invoice_eligibleAt_idx" ON "Invoice"("eligibleAt");

-- CreateIndex
CREATE INDEX "Invoice_issuedAt_idx" ON "Invoice"("issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_voidedAt_idx" ON "Invoice"("voidedAt") WHERE ("voidedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "TimeTransaction_unbilled_idx" ON "TimeTransaction"("workDate", "currency", "engagementId", "hours", "amount") WHERE (billable AND "approvalStatus" = 'APPROVED' AND NOT superseded AND "invoiceLineId" IS NULL);
