-- Reconciliation (DESIGN.md §8): the record of each run (GET /api/v1/reconciliation/runs, audit
-- entity ReconciliationRun), and partial indexes so the jobs read only the few open rows
-- however many time rows, receipts and invoices there are: unbilled approved time in
-- engagement order with its approval time (grouped index-only), receipts with cash left to
-- apply, issued invoices the ERP has not confirmed.
-- CreateEnum
CREATE TYPE "ReconciliationRunStatus" AS ENUM ('SUCCEEDED', 'PARTIAL');

-- AlterEnum
ALTER TYPE "EntityType" ADD VALUE 'ReconciliationRun';

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" UUID NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "jobs" TEXT[],
    "status" "ReconciliationRunStatus" NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "summary" JSONB NOT NULL,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReconciliationRun_startedAt_idx" ON "ReconciliationRun"("startedAt" DESC);

-- CreateIndex
CREATE INDEX "CashReceipt_unapplied_idx" ON "CashReceipt"("receivedAt") WHERE ("unappliedAmount" > 0);

-- CreateIndex
CREATE INDEX "Invoice_unconfirmed_idx" ON "Invoice"("issuedAt") WHERE ("postedAt" IS NULL AND "issuedAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "TimeTransaction_unbilled_by_engagement_idx" ON "TimeTransaction"("engagementId", "workDate", "approvedAt", "hours", "amount") WHERE (billable AND "approvalStatus" = 'APPROVED' AND NOT superseded AND "invoiceLineId" IS NULL);
