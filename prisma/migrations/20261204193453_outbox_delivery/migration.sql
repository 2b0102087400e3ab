-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "outboundAllowPrivate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OutboxCommand" ADD COLUMN     "failures" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OutboxTargetBudget" (
    "connectorId" UUID NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "pausedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxTargetBudget_pkey" PRIMARY KEY ("connectorId")
);

-- CreateIndex
CREATE INDEX "OutboxAttempt_finishedAt_idx" ON "OutboxAttempt"("finishedAt");

-- AddForeignKey
ALTER TABLE "OutboxTargetBudget" ADD CONSTRAINT "OutboxTargetBudget_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE CASCADE ON UPDATE CASCADE;
