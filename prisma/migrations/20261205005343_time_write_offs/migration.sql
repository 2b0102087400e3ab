-- DropIndex
DROP INDEX "TimeTransaction_unbilled_by_engagement_idx";

-- DropIndex
DROP INDEX "TimeTransaction_unbilled_idx";

-- AlterTable
ALTER TABLE "TimeTransaction" ADD COLUMN     "timeWriteOffId" UUID;

-- CreateTable
CREATE TABLE "TimeWriteOff" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "exceptionId" UUID NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "hours" DECIMAL(12,2) NOT NULL,
    "entries" INTEGER NOT NULL,
    "unpricedEntries" INTEGER NOT NULL,
    "note" TEXT,
    "writtenOffById" UUID NOT NULL,
    "writtenOffAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TimeWriteOff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TimeWriteOff_writtenOffAt_idx" ON "TimeWriteOff"("writtenOffAt");

-- CreateIndex
CREATE INDEX "TimeWriteOff_engagementId_idx" ON "TimeWriteOff"("engagementId");

-- CreateIndex
CREATE INDEX "TimeWriteOff_exceptionId_idx" ON "TimeWriteOff"("exceptionId");

-- CreateIndex
CREATE INDEX "TimeTransaction_timeWriteOffId_idx" ON "TimeTransaction"("timeWriteOffId");

-- CreateIndex
CREATE INDEX "TimeTransaction_unbilled_idx" ON "TimeTransaction"("workDate", "currency", "engagementId", "hours", "amount") WHERE (billable AND "approvalStatus" = 'APPROVED' AND NOT superseded AND "invoiceLineId" IS NULL AND "timeWriteOffId" IS NULL);

-- CreateIndex
CREATE INDEX "TimeTransaction_unbilled_by_engagement_idx" ON "TimeTransaction"("engagementId", "workDate", "approvedAt", "hours", "amount") WHERE (billable AND "approvalStatus" = 'APPROVED' AND NOT superseded AND "invoiceLineId" IS NULL AND "timeWriteOffId" IS NULL);

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_timeWriteOffId_fkey" FOREIGN KEY ("timeWriteOffId") REFERENCES "TimeWriteOff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeWriteOff" ADD CONSTRAINT "TimeWriteOff_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeWriteOff" ADD CONSTRAINT "TimeWriteOff_exceptionId_fkey" FOREIGN KEY ("exceptionId") REFERENCES "Exception"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeWriteOff" ADD CONSTRAINT "TimeWriteOff_writtenOffById_fkey" FOREIGN KEY ("writtenOffById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
