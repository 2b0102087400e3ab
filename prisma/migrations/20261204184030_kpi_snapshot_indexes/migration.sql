-- KPI snapshots read index-only: the submitted time rows (unapproved time) and credit notes
-- by issue day (write-offs, today's ledger facts).
-- CreateIndex
CREATE INDEX "Invoice_credit_note_issuedAt_idx" ON "Invoice"("issuedAt") WHERE (kind = 'CREDIT_NOTE');

-- CreateIndex
CREATE INDEX "TimeTransaction_unapproved_idx" ON "TimeTransaction"("workDate", "currency", "engagementId", "hours", "amount") WHERE ("approvalStatus" = 'SUBMITTED' AND NOT superseded);
