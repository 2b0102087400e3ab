-- DropIndex
DROP INDEX "InvoiceLineSource_billingPlanId_periodKey_idx";

-- DropIndex
DROP INDEX "InvoiceLineSource_expenseId_idx";

-- DropIndex
DROP INDEX "InvoiceLineSource_milestoneId_idx";

-- DropIndex
DROP INDEX "InvoiceLineSource_timeTransactionId_idx";

-- DropIndex
DROP INDEX "InvoiceLineSource_usageRecordId_idx";

-- CreateIndex
CREATE INDEX "InvoiceLineSource_timeTransactionId_idx" ON "InvoiceLineSource"("timeTransactionId") WHERE ("timeTransactionId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "InvoiceLineSource_milestoneId_idx" ON "InvoiceLineSource"("milestoneId") WHERE ("milestoneId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "InvoiceLineSource_expenseId_idx" ON "InvoiceLineSource"("expenseId") WHERE ("expenseId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "InvoiceLineSource_usageRecordId_idx" ON "InvoiceLineSource"("usageRecordId") WHERE ("usageRecordId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "InvoiceLineSource_billingPlanId_periodKey_idx" ON "InvoiceLineSource"("billingPlanId", "periodKey") WHERE ("billingPlanId" IS NOT NULL);
