-- AlterEnum
ALTER TYPE "EntityType" ADD VALUE 'CashRefund';

-- AlterEnum
ALTER TYPE "LineageRelation" ADD VALUE 'REFUNDS';

-- CreateTable
CREATE TABLE "CashRefund" (
    "id" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "receiptId" UUID NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "fromUnapplied" DECIMAL(19,4) NOT NULL,
    "reason" TEXT,
    "refundedAt" TIMESTAMPTZ(3) NOT NULL,
    "eventId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CashRefund_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CashRefund_receiptId_idx" ON "CashRefund"("receiptId");

-- CreateIndex
CREATE UNIQUE INDEX "CashRefund_sourceSystem_externalId_key" ON "CashRefund"("sourceSystem", "externalId");

-- AddForeignKey
ALTER TABLE "CashRefund" ADD CONSTRAINT "CashRefund_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "CashReceipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
