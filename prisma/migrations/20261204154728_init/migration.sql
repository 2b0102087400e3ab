-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'FINANCE', 'DELIVERY', 'INTEGRATION_OPS', 'EXECUTIVE');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'AWAITING_TAX', 'ISSUED', 'POSTED', 'PARTIALLY_PAID', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "CreditNoteReason" AS ENUM ('BILLING_ERROR', 'TIME_ADJUSTMENT', 'DEDUCTION', 'DISPUTE', 'WRITE_OFF', 'CANCELLATION');

-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('TIME', 'MILESTONE', 'RETAINER_FEE', 'USAGE_OVERAGE', 'EXPENSE', 'ADJUSTMENT', 'CREDIT');

-- CreateEnum
CREATE TYPE "InvoiceLineSourceKind" AS ENUM ('TIME_TRANSACTION', 'TIME_REVERSAL', 'MILESTONE', 'EXPENSE', 'USAGE_RECORD', 'RETAINER_FEE');

-- CreateEnum
CREATE TYPE "CashReceiptStatus" AS ENUM ('UNAPPLIED', 'PARTIALLY_APPLIED', 'APPLIED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "CashApplicationKind" AS ENUM ('APPLICATION', 'REVERSAL');

-- CreateEnum
CREATE TYPE "CashApplicationMethod" AS ENUM ('REMITTANCE', 'EXACT_AMOUNT', 'SUBSET_SUM', 'MANUAL');

-- CreateEnum
CREATE TYPE "DeductionStatus" AS ENUM ('NONE', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'ACCEPTED', 'CONTESTED', 'WON', 'LOST');

-- CreateEnum
CREATE TYPE "BillingModel" AS ENUM ('FIXED_FEE_MILESTONE', 'TIME_AND_MATERIALS', 'RETAINER_WITH_OVERAGE');

-- CreateEnum
CREATE TYPE "QuoteStatus" AS ENUM ('DRAFT', 'ACCEPTED', 'SUPERSEDED', 'REJECTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ContractStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "ChangeOrderStatus" AS ENUM ('APPROVED', 'SUPERSEDED', 'REJECTED');

-- CreateEnum
CREATE TYPE "EngagementStatus" AS ENUM ('SHELL', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "BillingCadence" AS ENUM ('ON_MILESTONE', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PLANNED', 'COMPLETED', 'BILLABLE', 'INVOICED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SystemKind" AS ENUM ('CRM', 'PSA', 'TIME', 'ERP', 'HCM', 'TAX', 'PAYMENTS', 'BANK', 'SERVICE_PLATFORM', 'THREADLINE');

-- CreateEnum
CREATE TYPE "ConnectorSecretPurpose" AS ENUM ('INBOUND_SIGNING', 'OUTBOUND_SIGNING');

-- CreateEnum
CREATE TYPE "FieldMappingDirection" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "FieldMappingKind" AS ENUM ('FIELD', 'VALUE');

-- CreateEnum
CREATE TYPE "InboxEventStatus" AS ENUM ('RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED', 'SUPERSEDED', 'PARKED', 'HELD');

-- CreateEnum
CREATE TYPE "OutboxCommandKind" AS ENUM ('CREATE_CUSTOMER', 'UPDATE_CUSTOMER', 'CREATE_PROJECT', 'UPDATE_PROJECT', 'UPDATE_CONTRACT', 'CALCULATE_TAX', 'POST_INVOICE', 'VOID_INVOICE', 'POST_CREDIT_NOTE', 'POST_REVENUE', 'POST_CASH_APPLICATION', 'UPDATE_ACCOUNT_HEALTH', 'PUSH_CORRECTION');

-- CreateEnum
CREATE TYPE "OutboxCommandStatus" AS ENUM ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD');

-- CreateEnum
CREATE TYPE "OutboxAttemptOutcome" AS ENUM ('SUCCESS', 'RETRYABLE_ERROR', 'RATE_LIMITED', 'TIMEOUT', 'PERMANENT_ERROR');

-- CreateEnum
CREATE TYPE "ExceptionCode" AS ENUM ('CLIENT_NOT_MASTERED', 'INVALID_LEGAL_ENTITY', 'MISSING_TAX_PROFILE', 'CURRENCY_MISMATCH', 'UNMAPPED_SERVICE_SKU', 'RATE_CARD_MISSING', 'TIME_FOR_UNKNOWN_ENGAGEMENT', 'MILESTONE_MISSING_EVIDENCE', 'OUT_OF_ORDER_GAP', 'PAYLOAD_CONFLICT', 'OWNERSHIP_VIOLATION', 'SCHEMA_INVALID', 'CONNECTOR_DELIVERY_FAILED', 'TAX_ENGINE_UNAVAILABLE', 'UNAPPLIED_CASH', 'SHORT_PAY_DEDUCTION', 'PAYMENT_DISPUTED', 'ORPHANED_PROJECT', 'UNBILLED_APPROVED_TIME', 'QUOTE_CONTRACT_VALUE_MISMATCH', 'INVOICE_NOT_CONFIRMED', 'LATE_PERIOD_POSTING', 'UNKNOWN_EMPLOYEE', 'UNKNOWN_MILESTONE', 'MILESTONE_VALUE_MISMATCH', 'FX_RATE_MISSING');

-- CreateEnum
CREATE TYPE "Recoverability" AS ENUM ('TRANSIENT', 'DATA_FIX', 'DECISION', 'PERMANENT');

-- CreateEnum
CREATE TYPE "OwnerTeam" AS ENUM ('SALES_OPS', 'DELIVERY', 'FINANCE_AR', 'INTEGRATION_OPS', 'DATA_STEWARDSHIP');

-- CreateEnum
CREATE TYPE "ExceptionStatus" AS ENUM ('OPEN', 'ASSIGNED', 'RESOLVED', 'SUPPRESSED');

-- CreateEnum
CREATE TYPE "ExceptionActionKind" AS ENUM ('OPEN', 'RECUR', 'ASSIGN', 'FIX_DATA', 'FIX_MAPPING', 'REPLAY', 'PUSH_CORRECTION', 'APPROVE', 'REJECT', 'RESOLVE', 'SUPPRESS', 'COMMENT');

-- CreateEnum
CREATE TYPE "ActionApprovalStatus" AS ENUM ('NOT_REQUIRED', 'PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'CONNECTOR', 'SYSTEM');

-- CreateEnum
CREATE TYPE "LineageRelation" AS ENUM ('HAS_VERSION', 'ORIGINATED', 'AMENDED', 'CONTAINS', 'BILLED', 'PART_OF', 'RECOGNIZED', 'APPLIED', 'SETTLES', 'CREDITS', 'REVERSES', 'SUPERSEDES', 'DISPUTES', 'MIRRORED_AS');

-- CreateEnum
CREATE TYPE "ClientStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "ClientHealth" AS ENUM ('UNKNOWN', 'HEALTHY', 'WATCH', 'AT_RISK');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('LegalEntity', 'AccountingPeriod', 'CostCenter', 'FxRate', 'TaxJurisdiction', 'TaxCode', 'ServiceCatalogItem', 'ServiceRole', 'RateCard', 'RateCardLine', 'Client', 'ExternalRef', 'Employee', 'ResourceAssignment', 'Quote', 'QuoteVersion', 'QuoteLine', 'Contract', 'SowVersion', 'ChangeOrder', 'Engagement', 'BillingPlan', 'Milestone', 'MilestoneEvidence', 'Timesheet', 'TimeTransaction', 'Expense', 'UsageRecord', 'Invoice', 'InvoiceLine', 'InvoiceLineSource', 'RevenueSchedule', 'RevenueEntry', 'CashReceipt', 'CashApplication', 'Dispute', 'Connector', 'ConnectorSecret', 'OwnershipRule', 'FieldMapping', 'InboxEvent', 'OutboxCommand', 'Exception', 'User', 'ApiToken');

-- CreateEnum
CREATE TYPE "AccountingPeriodStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('TIME', 'FIXED_FEE', 'RETAINER', 'OVERAGE', 'EXPENSE');

-- CreateEnum
CREATE TYPE "UnitOfMeasure" AS ENUM ('HOUR', 'MONTH', 'UNIT', 'EACH');

-- CreateEnum
CREATE TYPE "RateCardKind" AS ENUM ('STANDARD', 'CONTRACT');

-- CreateEnum
CREATE TYPE "RevenueTreatment" AS ENUM ('PERCENT_COMPLETE', 'AS_DELIVERED', 'RATABLE', 'USAGE', 'POINT_IN_TIME');

-- CreateEnum
CREATE TYPE "RevenueScheduleStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RevenueEntryKind" AS ENUM ('RECOGNITION', 'ADJUSTMENT', 'REVERSAL');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "workerId" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);

-- CreateTable
CREATE TABLE "InvoiceNumberSequence" (
    "id" UUID NOT NULL,
    "legalEntityId" UUID NOT NULL,
    "series" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "padding" INTEGER NOT NULL DEFAULT 6,
    "nextNumber" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InvoiceNumberSequence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "number" TEXT,
    "sequenceNumber" INTEGER,
    "legalEntityId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "correlationId" TEXT NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "currency" CHAR(3) NOT NULL,
    "subtotal" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "taxTotal" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "total" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "amountApplied" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "amountCredited" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "balanceDue" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "billingPeriodKey" TEXT,
    "servicePeriodStart" DATE,
    "servicePeriodEnd" DATE,
    "eligibleAt" TIMESTAMPTZ(3),
    "issueDate" DATE,
    "dueDate" DATE,
    "paymentTermsDays" INTEGER,
    "taxJurisdictionId" UUID,
    "taxExempt" BOOLEAN NOT NULL DEFAULT false,
    "taxCalculatedAt" TIMESTAMPTZ(3),
    "taxEngineRef" TEXT,
    "issuedAt" TIMESTAMPTZ(3),
    "postedAt" TIMESTAMPTZ(3),
    "erpInvoiceId" TEXT,
    "erpInvoiceNumber" TEXT,
    "accountingPeriodId" UUID,
    "latePosting" BOOLEAN NOT NULL DEFAULT false,
    "paidAt" TIMESTAMPTZ(3),
    "voidedAt" TIMESTAMPTZ(3),
    "voidReason" TEXT,
    "originalInvoiceId" UUID,
    "creditNoteReason" "CreditNoteReason",
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "kind" "InvoiceLineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "serviceCatalogItemId" UUID,
    "serviceRoleId" UUID,
    "quantity" DECIMAL(19,4) NOT NULL,
    "unitPrice" DECIMAL(19,6) NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "taxCodeId" UUID,
    "taxRate" DECIMAL(9,6),
    "taxAmount" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "servicePeriodStart" DATE,
    "servicePeriodEnd" DATE,
    "creditedLineId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLineSource" (
    "id" UUID NOT NULL,
    "invoiceLineId" UUID NOT NULL,
    "kind" "InvoiceLineSourceKind" NOT NULL,
    "timeTransactionId" UUID,
    "milestoneId" UUID,
    "expenseId" UUID,
    "usageRecordId" UUID,
    "billingPlanId" UUID,
    "periodKey" TEXT,
    "quantity" DECIMAL(19,4),
    "rate" DECIMAL(19,6),
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sourceAmount" DECIMAL(19,4),
    "sourceCurrency" CHAR(3),
    "fxRate" DECIMAL(20,10),
    "billingKey" TEXT,
    "releasedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceLineSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashReceipt" (
    "id" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "legalEntityId" UUID,
    "clientId" UUID,
    "payerExternalId" TEXT,
    "payerName" TEXT,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "appliedAmount" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "unappliedAmount" DECIMAL(19,4) NOT NULL,
    "refundedAmount" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "status" "CashReceiptStatus" NOT NULL DEFAULT 'UNAPPLIED',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "valueDate" DATE,
    "remittance" JSONB,
    "remittanceText" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CashReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashApplication" (
    "id" UUID NOT NULL,
    "kind" "CashApplicationKind" NOT NULL DEFAULT 'APPLICATION',
    "receiptId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "method" "CashApplicationMethod" NOT NULL,
    "automatic" BOOLEAN NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "deductionAmount" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "deductionReasonCode" TEXT,
    "deductionStatus" "DeductionStatus" NOT NULL DEFAULT 'NONE',
    "deductionDecidedById" UUID,
    "deductionDecidedAt" TIMESTAMPTZ(3),
    "remittanceLineIndex" INTEGER,
    "remittanceInvoiceRef" TEXT,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "appliedById" UUID,
    "reversesApplicationId" UUID,
    "reversedAt" TIMESTAMPTZ(3),
    "reversalReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CashApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "receiptId" UUID,
    "invoiceId" UUID,
    "clientId" UUID,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "legalEntityId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "QuoteStatus" NOT NULL,
    "currentVersion" INTEGER NOT NULL,
    "correlationId" TEXT NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteVersion" (
    "id" UUID NOT NULL,
    "quoteId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "QuoteStatus" NOT NULL,
    "billingModel" "BillingModel" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "subtotal" DECIMAL(19,4) NOT NULL,
    "totalValue" DECIMAL(19,4) NOT NULL,
    "estimatedCost" DECIMAL(19,4),
    "budgetHours" DECIMAL(9,2),
    "rateCardCode" TEXT,
    "taxNexus" TEXT,
    "taxExempt" BOOLEAN NOT NULL DEFAULT false,
    "milestones" JSONB,
    "retainerTerms" JSONB,
    "acceptedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" UUID NOT NULL,
    "quoteVersionId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "serviceCatalogItemId" UUID,
    "serviceRoleId" UUID,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(19,4) NOT NULL,
    "unitPrice" DECIMAL(19,6) NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contract" (
    "id" UUID NOT NULL,
    "contractNumber" TEXT,
    "clientId" UUID NOT NULL,
    "legalEntityId" UUID NOT NULL,
    "quoteId" UUID,
    "status" "ContractStatus" NOT NULL DEFAULT 'ACTIVE',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "currency" CHAR(3) NOT NULL,
    "totalValue" DECIMAL(19,4) NOT NULL,
    "signedAt" TIMESTAMPTZ(3),
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SowVersion" (
    "id" UUID NOT NULL,
    "contractId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "quoteVersionId" UUID,
    "changeOrderId" UUID,
    "billingModel" "BillingModel" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "totalValue" DECIMAL(19,4) NOT NULL,
    "estimatedCost" DECIMAL(19,4),
    "budgetHours" DECIMAL(9,2),
    "billingPlanSnapshot" JSONB NOT NULL,
    "effectiveAt" TIMESTAMPTZ(3) NOT NULL,
    "supersededAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeOrder" (
    "id" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ChangeOrderStatus" NOT NULL DEFAULT 'APPROVED',
    "engagementId" UUID NOT NULL,
    "contractId" UUID,
    "quoteId" UUID,
    "currency" CHAR(3) NOT NULL,
    "valueDelta" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "estimatedCostDelta" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "budgetHoursDelta" DECIMAL(9,2) NOT NULL DEFAULT 0,
    "valueBefore" DECIMAL(19,4) NOT NULL,
    "valueAfter" DECIMAL(19,4) NOT NULL,
    "estimatedCostBefore" DECIMAL(19,4),
    "estimatedCostAfter" DECIMAL(19,4),
    "budgetHoursBefore" DECIMAL(9,2),
    "budgetHoursAfter" DECIMAL(9,2),
    "billingPlanBefore" JSONB NOT NULL,
    "billingPlanAfter" JSONB NOT NULL,
    "milestoneChanges" JSONB,
    "reason" TEXT,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Engagement" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "correlationId" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "legalEntityId" UUID NOT NULL,
    "quoteId" UUID,
    "contractId" UUID,
    "currency" CHAR(3) NOT NULL,
    "status" "EngagementStatus" NOT NULL DEFAULT 'SHELL',
    "value" DECIMAL(19,4) NOT NULL,
    "estimatedCost" DECIMAL(19,4),
    "budgetHours" DECIMAL(9,2),
    "psaProjectId" TEXT,
    "erpProjectId" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "quoteAcceptedAt" TIMESTAMPTZ(3),
    "activatedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Engagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BillingPlan" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "model" "BillingModel" NOT NULL,
    "cadence" "BillingCadence" NOT NULL,
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 30,
    "revenueTreatment" "RevenueTreatment" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "contractValue" DECIMAL(19,4) NOT NULL,
    "estimatedTotalCost" DECIMAL(19,4),
    "standardRateCardId" UUID,
    "contractRateCardId" UUID,
    "retainerMonthlyFee" DECIMAL(19,4),
    "retainerIncludedUnits" DECIMAL(19,4),
    "retainerOverageRate" DECIMAL(19,6),
    "retainerStartMonth" DATE,
    "retainerMonths" INTEGER,
    "taxNexus" TEXT,
    "taxExempt" BOOLEAN NOT NULL DEFAULT false,
    "billedThrough" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BillingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "dueDate" DATE,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PLANNED',
    "completedAt" TIMESTAMPTZ(3),
    "approvedAt" TIMESTAMPTZ(3),
    "approvedBy" TEXT,
    "billableAt" TIMESTAMPTZ(3),
    "changeOrderId" UUID,
    "invoiceLineId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestoneEvidence" (
    "id" UUID NOT NULL,
    "milestoneId" UUID NOT NULL,
    "uri" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "eventId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MilestoneEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeTransaction" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "serviceRoleId" UUID NOT NULL,
    "workDate" DATE NOT NULL,
    "hours" DECIMAL(9,2) NOT NULL,
    "billable" BOOLEAN NOT NULL,
    "approvalStatus" "ApprovalStatus" NOT NULL DEFAULT 'APPROVED',
    "approvedAt" TIMESTAMPTZ(3),
    "approvedBy" TEXT,
    "notes" TEXT,
    "rateCardLineId" UUID,
    "rateApplied" DECIMAL(19,6),
    "amount" DECIMAL(19,4),
    "currency" CHAR(3) NOT NULL,
    "costRate" DECIMAL(19,6),
    "cost" DECIMAL(19,4),
    "costCurrency" CHAR(3),
    "costCenterId" UUID,
    "revenueTreatment" "RevenueTreatment" NOT NULL,
    "revenueEntryId" UUID,
    "invoiceLineId" UUID,
    "reversalInvoiceLineId" UUID,
    "sourceSystem" TEXT NOT NULL,
    "sourceTimesheetId" TEXT NOT NULL,
    "sourceTimesheetVersion" INTEGER NOT NULL,
    "entryIndex" INTEGER NOT NULL,
    "externalId" TEXT,
    "superseded" BOOLEAN NOT NULL DEFAULT false,
    "supersededAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TimeTransaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expense" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "employeeId" UUID,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "expenseDate" DATE NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "billable" BOOLEAN NOT NULL,
    "approvalStatus" "ApprovalStatus" NOT NULL DEFAULT 'APPROVED',
    "approvedAt" TIMESTAMPTZ(3),
    "serviceCatalogItemId" UUID,
    "costCenterId" UUID,
    "revenueEntryId" UUID,
    "invoiceLineId" UUID,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Expense_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageRecord" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "periodStart" DATE NOT NULL,
    "units" DECIMAL(19,4) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,
    "revenueEntryId" UUID,
    "invoiceLineId" UUID,
    "sourceSystem" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UsageRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Connector" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SystemKind" NOT NULL,
    "sources" TEXT[],
    "endpoint" TEXT,
    "tokenHash" TEXT NOT NULL,
    "tokenPrefix" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "ingestRateLimitPerMinute" INTEGER,
    "outboundMaxConcurrency" INTEGER NOT NULL DEFAULT 4,
    "outboundRatePerSecond" INTEGER NOT NULL DEFAULT 10,
    "outboundMaxAttempts" INTEGER NOT NULL DEFAULT 10,
    "outboundTimeoutMs" INTEGER NOT NULL DEFAULT 10000,
    "settings" JSONB,
    "lastEventAt" TIMESTAMPTZ(3),
    "lastDeliveryAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Connector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectorSecret" (
    "id" UUID NOT NULL,
    "connectorId" UUID NOT NULL,
    "purpose" "ConnectorSecretPurpose" NOT NULL DEFAULT 'INBOUND_SIGNING',
    "encryptedSecret" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "activeFrom" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConnectorSecret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OwnershipRule" (
    "id" UUID NOT NULL,
    "domain" "EntityType" NOT NULL,
    "field" TEXT NOT NULL DEFAULT '*',
    "owningSystem" "SystemKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OwnershipRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldMapping" (
    "id" UUID NOT NULL,
    "system" TEXT NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "direction" "FieldMappingDirection" NOT NULL,
    "kind" "FieldMappingKind" NOT NULL,
    "canonicalField" TEXT NOT NULL,
    "externalField" TEXT NOT NULL,
    "externalValue" TEXT NOT NULL DEFAULT '',
    "canonicalValue" TEXT NOT NULL DEFAULT '',
    "transform" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FieldMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxEvent" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT,
    "sequence" BIGINT,
    "correlationId" TEXT,
    "eventTime" TIMESTAMPTZ(3),
    "payload" JSONB NOT NULL,
    "payloadHash" CHAR(64) NOT NULL,
    "status" "InboxEventStatus" NOT NULL DEFAULT 'RECEIVED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "parkedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "connectorId" UUID,

    CONSTRAINT "InboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectVersion" (
    "source" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "appliedSequence" BIGINT NOT NULL,
    "appliedEventId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SubjectVersion_pkey" PRIMARY KEY ("source","subject")
);

-- CreateTable
CREATE TABLE "OutboxCommand" (
    "id" UUID NOT NULL,
    "connectorId" UUID NOT NULL,
    "kind" "OutboxCommandKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "orderingKey" TEXT,
    "status" "OutboxCommandStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "response" JSONB,
    "heldAmount" DECIMAL(19,4),
    "heldCurrency" CHAR(3),
    "correlationId" TEXT,
    "entityType" "EntityType",
    "entityId" TEXT,
    "causedByEventId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),
    "deadAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxCommand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxAttempt" (
    "id" UUID NOT NULL,
    "commandId" UUID NOT NULL,
    "attemptNo" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "outcome" "OutboxAttemptOutcome" NOT NULL,
    "httpStatus" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER,

    CONSTRAINT "OutboxAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exception" (
    "id" UUID NOT NULL,
    "code" "ExceptionCode" NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "correlationId" TEXT,
    "legalEntityId" UUID,
    "title" TEXT NOT NULL,
    "recoverability" "Recoverability" NOT NULL,
    "recoverabilityRank" INTEGER NOT NULL,
    "ownerTeam" "OwnerTeam" NOT NULL,
    "financialImpact" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "financialImpactCurrency" CHAR(3) NOT NULL DEFAULT 'USD',
    "impactAmount" DECIMAL(19,4),
    "impactCurrency" CHAR(3),
    "status" "ExceptionStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" UUID,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "slaDueAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Exception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExceptionEvent" (
    "exceptionId" UUID NOT NULL,
    "inboxEventId" UUID NOT NULL,
    "linkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExceptionEvent_pkey" PRIMARY KEY ("exceptionId","inboxEventId")
);

-- CreateTable
CREATE TABLE "ExceptionAction" (
    "id" UUID NOT NULL,
    "exceptionId" UUID NOT NULL,
    "kind" "ExceptionActionKind" NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,
    "approvalStatus" "ActionApprovalStatus" NOT NULL DEFAULT 'NOT_REQUIRED',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "outboxCommandId" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExceptionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRecord" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "entityType" "EntityType" NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "correlationId" TEXT,
    "eventId" UUID,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LineageLink" (
    "id" UUID NOT NULL,
    "fromType" "EntityType" NOT NULL,
    "fromId" TEXT NOT NULL,
    "toType" "EntityType" NOT NULL,
    "toId" TEXT NOT NULL,
    "relation" "LineageRelation" NOT NULL,
    "amount" DECIMAL(19,4),
    "currency" CHAR(3),
    "eventId" UUID,
    "correlationId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LineageLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT,
    "parentId" UUID,
    "billToLegalEntityId" UUID NOT NULL,
    "billingCurrency" CHAR(3),
    "paymentTermsDays" INTEGER,
    "country" CHAR(2),
    "billingAddress" JSONB,
    "taxNexus" TEXT,
    "taxExempt" BOOLEAN NOT NULL DEFAULT false,
    "status" "ClientStatus" NOT NULL DEFAULT 'ACTIVE',
    "health" "ClientHealth" NOT NULL DEFAULT 'UNKNOWN',
    "healthReason" TEXT,
    "healthUpdatedAt" TIMESTAMPTZ(3),
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalRef" (
    "id" UUID NOT NULL,
    "system" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "entityId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ExternalRef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "legalEntityId" UUID,
    "costCenterId" UUID,
    "defaultServiceRoleId" UUID,
    "costRate" DECIMAL(19,6),
    "costCurrency" CHAR(3),
    "standardWeeklyHours" DECIMAL(9,2) NOT NULL DEFAULT 40,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmployeeCostRate" (
    "id" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "costRate" DECIMAL(19,6) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmployeeCostRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceAssignment" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "serviceRoleId" UUID NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "allocationPercent" DECIMAL(5,2),
    "plannedHours" DECIMAL(9,2),
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ResourceAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalEntity" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" TEXT NOT NULL,
    "baseCurrency" CHAR(3) NOT NULL,
    "taxNexus" TEXT[],
    "taxRegistrationId" TEXT,
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LegalEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountingPeriod" (
    "id" UUID NOT NULL,
    "legalEntityId" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "status" "AccountingPeriodStatus" NOT NULL DEFAULT 'OPEN',
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccountingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CostCenter" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalEntityId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CostCenter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FxRate" (
    "id" UUID NOT NULL,
    "baseCurrency" CHAR(3) NOT NULL,
    "quoteCurrency" CHAR(3) NOT NULL,
    "rateDate" DATE NOT NULL,
    "rate" DECIMAL(20,10) NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FxRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxJurisdiction" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaxJurisdiction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaxCode" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jurisdictionId" UUID NOT NULL,
    "rate" DECIMAL(9,6) NOT NULL,
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TaxCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceCatalogItem" (
    "id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "ServiceKind" NOT NULL,
    "unitOfMeasure" "UnitOfMeasure" NOT NULL,
    "serviceRoleId" UUID,
    "defaultTaxCodeId" UUID,
    "revenueTreatment" "RevenueTreatment",
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ServiceCatalogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceRole" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateCard" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RateCardKind" NOT NULL DEFAULT 'STANDARD',
    "currency" CHAR(3) NOT NULL,
    "legalEntityId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sourceSystem" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateCardLine" (
    "id" UUID NOT NULL,
    "rateCardId" UUID NOT NULL,
    "serviceRoleId" UUID NOT NULL,
    "serviceCatalogItemId" UUID,
    "currency" CHAR(3) NOT NULL,
    "rate" DECIMAL(19,6) NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveTo" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateCardLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueSchedule" (
    "id" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "treatment" "RevenueTreatment" NOT NULL,
    "status" "RevenueScheduleStatus" NOT NULL DEFAULT 'ACTIVE',
    "currency" CHAR(3) NOT NULL,
    "totalValue" DECIMAL(19,4),
    "estimatedTotalCost" DECIMAL(19,4),
    "recognizedToDate" DECIMAL(19,4) NOT NULL DEFAULT 0,
    "recognizedThrough" DATE,
    "startDate" DATE,
    "endDate" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RevenueSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueEntry" (
    "id" UUID NOT NULL,
    "scheduleId" UUID NOT NULL,
    "engagementId" UUID NOT NULL,
    "accountingPeriodId" UUID NOT NULL,
    "period" CHAR(7) NOT NULL,
    "recognitionDate" DATE NOT NULL,
    "kind" "RevenueEntryKind" NOT NULL,
    "amount" DECIMAL(19,4) NOT NULL,
    "cumulativeAmount" DECIMAL(19,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "costToDate" DECIMAL(19,4),
    "estimatedTotalCost" DECIMAL(19,4),
    "percentComplete" DECIMAL(9,6),
    "eligibleAt" TIMESTAMPTZ(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "originalPeriod" CHAR(7),
    "idempotencyKey" TEXT NOT NULL,
    "reversesEntryId" UUID,
    "invoiceId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevenueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceNumberSequence_legalEntityId_series_key" ON "InvoiceNumberSequence"("legalEntityId", "series");

-- CreateIndex
CREATE INDEX "Invoice_clientId_status_dueDate_idx" ON "Invoice"("clientId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Invoice_engagementId_status_idx" ON "Invoice"("engagementId", "status");

-- CreateIndex
CREATE INDEX "Invoice_status_dueDate_idx" ON "Invoice"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Invoice_status_issuedAt_idx" ON "Invoice"("status", "issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_correlationId_idx" ON "Invoice"("correlationId");

-- CreateIndex
CREATE INDEX "Invoice_number_idx" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_erpInvoiceNumber_idx" ON "Invoice"("erpInvoiceNumber");

-- CreateIndex
CREATE INDEX "Invoice_originalInvoiceId_idx" ON "Invoice"("originalInvoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_legalEntityId_number_key" ON "Invoice"("legalEntityId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_sourceSystem_externalId_key" ON "Invoice"("sourceSystem", "externalId");

-- CreateIndex
CREATE INDEX "InvoiceLine_creditedLineId_idx" ON "InvoiceLine"("creditedLineId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_lineNo_key" ON "InvoiceLine"("invoiceId", "lineNo");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLineSource_billingKey_key" ON "InvoiceLineSource"("billingKey");

-- CreateIndex
CREATE INDEX "InvoiceLineSource_invoiceLineId_idx" ON "InvoiceLineSource"("invoiceLineId");

-- CreateIndex
CREATE INDEX "InvoiceLineSource_timeTransactionId_idx" ON "InvoiceLineSource"("timeTransactionId");

-- CreateIndex
CREATE INDEX "InvoiceLineSource_milestoneId_idx" ON "InvoiceLineSource"("milestoneId");

-- CreateIndex
CREATE INDEX "InvoiceLineSource_expenseId_idx" ON "InvoiceLineSource"("expenseId");

-- CreateIndex
CREATE INDEX "InvoiceLineSource_usageRecordId_idx" ON "InvoiceLineSource"("usageRecordId");

-- CreateIndex
CREATE INDEX "InvoiceLineSource_billingPlanId_periodKey_idx" ON "InvoiceLineSource"("billingPlanId", "periodKey");

-- CreateIndex
CREATE INDEX "CashReceipt_clientId_status_idx" ON "CashReceipt"("clientId", "status");

-- CreateIndex
CREATE INDEX "CashReceipt_status_receivedAt_idx" ON "CashReceipt"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CashReceipt_sourceSystem_externalId_key" ON "CashReceipt"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CashApplication_reversesApplicationId_key" ON "CashApplication"("reversesApplicationId");

-- CreateIndex
CREATE INDEX "CashApplication_receiptId_idx" ON "CashApplication"("receiptId");

-- CreateIndex
CREATE INDEX "CashApplication_invoiceId_idx" ON "CashApplication"("invoiceId");

-- CreateIndex
CREATE INDEX "CashApplication_deductionStatus_idx" ON "CashApplication"("deductionStatus");

-- CreateIndex
CREATE INDEX "CashApplication_appliedAt_idx" ON "CashApplication"("appliedAt");

-- CreateIndex
CREATE INDEX "Dispute_status_openedAt_idx" ON "Dispute"("status", "openedAt");

-- CreateIndex
CREATE INDEX "Dispute_invoiceId_idx" ON "Dispute"("invoiceId");

-- CreateIndex
CREATE INDEX "Dispute_receiptId_idx" ON "Dispute"("receiptId");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_sourceSystem_externalId_key" ON "Dispute"("sourceSystem", "externalId");

-- CreateIndex
CREATE INDEX "Quote_clientId_idx" ON "Quote"("clientId");

-- CreateIndex
CREATE INDEX "Quote_correlationId_idx" ON "Quote"("correlationId");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_sourceSystem_externalId_key" ON "Quote"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteVersion_quoteId_version_key" ON "QuoteVersion"("quoteId", "version");

-- CreateIndex
CREATE INDEX "QuoteLine_serviceCatalogItemId_idx" ON "QuoteLine"("serviceCatalogItemId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteLine_quoteVersionId_lineNo_key" ON "QuoteLine"("quoteVersionId", "lineNo");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_contractNumber_key" ON "Contract"("contractNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_quoteId_key" ON "Contract"("quoteId");

-- CreateIndex
CREATE INDEX "Contract_clientId_idx" ON "Contract"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_sourceSystem_externalId_key" ON "Contract"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "SowVersion_changeOrderId_key" ON "SowVersion"("changeOrderId");

-- CreateIndex
CREATE INDEX "SowVersion_quoteVersionId_idx" ON "SowVersion"("quoteVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "SowVersion_contractId_version_key" ON "SowVersion"("contractId", "version");

-- CreateIndex
CREATE INDEX "ChangeOrder_engagementId_approvedAt_idx" ON "ChangeOrder"("engagementId", "approvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeOrder_sourceSystem_externalId_version_key" ON "ChangeOrder"("sourceSystem", "externalId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Engagement_code_key" ON "Engagement"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Engagement_correlationId_key" ON "Engagement"("correlationId");

-- CreateIndex
CREATE UNIQUE INDEX "Engagement_quoteId_key" ON "Engagement"("quoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Engagement_contractId_key" ON "Engagement"("contractId");

-- CreateIndex
CREATE INDEX "Engagement_clientId_status_idx" ON "Engagement"("clientId", "status");

-- CreateIndex
CREATE INDEX "Engagement_legalEntityId_status_idx" ON "Engagement"("legalEntityId", "status");

-- CreateIndex
CREATE INDEX "Engagement_status_createdAt_idx" ON "Engagement"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Engagement_psaProjectId_idx" ON "Engagement"("psaProjectId");

-- CreateIndex
CREATE INDEX "Engagement_erpProjectId_idx" ON "Engagement"("erpProjectId");

-- CreateIndex
CREATE UNIQUE INDEX "BillingPlan_engagementId_key" ON "BillingPlan"("engagementId");

-- CreateIndex
CREATE INDEX "Milestone_engagementId_status_idx" ON "Milestone"("engagementId", "status");

-- CreateIndex
CREATE INDEX "Milestone_invoiceLineId_idx" ON "Milestone"("invoiceLineId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_engagementId_ref_key" ON "Milestone"("engagementId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "MilestoneEvidence_milestoneId_sha256_key" ON "MilestoneEvidence"("milestoneId", "sha256");

-- CreateIndex
CREATE INDEX "TimeTransaction_engagementId_invoiceLineId_workDate_idx" ON "TimeTransaction"("engagementId", "invoiceLineId", "workDate");

-- CreateIndex
CREATE INDEX "TimeTransaction_engagementId_workDate_idx" ON "TimeTransaction"("engagementId", "workDate");

-- CreateIndex
CREATE INDEX "TimeTransaction_employeeId_workDate_idx" ON "TimeTransaction"("employeeId", "workDate");

-- CreateIndex
CREATE INDEX "TimeTransaction_sourceSystem_sourceTimesheetId_superseded_idx" ON "TimeTransaction"("sourceSystem", "sourceTimesheetId", "superseded");

-- CreateIndex
CREATE INDEX "TimeTransaction_invoiceLineId_idx" ON "TimeTransaction"("invoiceLineId");

-- CreateIndex
CREATE INDEX "TimeTransaction_approvalStatus_workDate_idx" ON "TimeTransaction"("approvalStatus", "workDate");

-- CreateIndex
CREATE UNIQUE INDEX "TimeTransaction_sourceSystem_sourceTimesheetId_sourceTimesh_key" ON "TimeTransaction"("sourceSystem", "sourceTimesheetId", "sourceTimesheetVersion", "entryIndex");

-- CreateIndex
CREATE INDEX "Expense_engagementId_invoiceLineId_expenseDate_idx" ON "Expense"("engagementId", "invoiceLineId", "expenseDate");

-- CreateIndex
CREATE INDEX "Expense_invoiceLineId_idx" ON "Expense"("invoiceLineId");

-- CreateIndex
CREATE UNIQUE INDEX "Expense_sourceSystem_externalId_key" ON "Expense"("sourceSystem", "externalId");

-- CreateIndex
CREATE INDEX "UsageRecord_engagementId_period_idx" ON "UsageRecord"("engagementId", "period");

-- CreateIndex
CREATE INDEX "UsageRecord_invoiceLineId_idx" ON "UsageRecord"("invoiceLineId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRecord_sourceSystem_externalId_key" ON "UsageRecord"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Connector_code_key" ON "Connector"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Connector_tokenHash_key" ON "Connector"("tokenHash");

-- CreateIndex
CREATE INDEX "Connector_sources_idx" ON "Connector" USING GIN ("sources");

-- CreateIndex
CREATE INDEX "ConnectorSecret_connectorId_purpose_idx" ON "ConnectorSecret"("connectorId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "OwnershipRule_domain_field_key" ON "OwnershipRule"("domain", "field");

-- CreateIndex
CREATE UNIQUE INDEX "FieldMapping_system_entityType_direction_kind_canonicalFiel_key" ON "FieldMapping"("system", "entityType", "direction", "kind", "canonicalField", "externalValue");

-- CreateIndex
CREATE INDEX "InboxEvent_status_receivedAt_idx" ON "InboxEvent"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "InboxEvent_source_subject_sequence_idx" ON "InboxEvent"("source", "subject", "sequence");

-- CreateIndex
CREATE INDEX "InboxEvent_correlationId_idx" ON "InboxEvent"("correlationId");

-- CreateIndex
CREATE INDEX "InboxEvent_connectorId_receivedAt_idx" ON "InboxEvent"("connectorId", "receivedAt");

-- CreateIndex
CREATE INDEX "InboxEvent_type_processedAt_idx" ON "InboxEvent"("type", "processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboxEvent_source_eventId_key" ON "InboxEvent"("source", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxCommand_idempotencyKey_key" ON "OutboxCommand"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxCommand_status_nextAttemptAt_idx" ON "OutboxCommand"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxCommand_connectorId_status_idx" ON "OutboxCommand"("connectorId", "status");

-- CreateIndex
CREATE INDEX "OutboxCommand_orderingKey_createdAt_idx" ON "OutboxCommand"("orderingKey", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxCommand_correlationId_idx" ON "OutboxCommand"("correlationId");

-- CreateIndex
CREATE INDEX "OutboxCommand_entityType_entityId_idx" ON "OutboxCommand"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxAttempt_commandId_attemptNo_key" ON "OutboxAttempt"("commandId", "attemptNo");

-- CreateIndex
CREATE INDEX "Exception_status_recoverabilityRank_financialImpact_id_idx" ON "Exception"("status", "recoverabilityRank", "financialImpact" DESC, "id");

-- CreateIndex
CREATE INDEX "Exception_ownerTeam_status_idx" ON "Exception"("ownerTeam", "status");

-- CreateIndex
CREATE INDEX "Exception_code_status_idx" ON "Exception"("code", "status");

-- CreateIndex
CREATE INDEX "Exception_assigneeId_status_idx" ON "Exception"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Exception_correlationId_idx" ON "Exception"("correlationId");

-- CreateIndex
CREATE INDEX "Exception_status_slaDueAt_idx" ON "Exception"("status", "slaDueAt");

-- CreateIndex
CREATE INDEX "Exception_legalEntityId_firstSeenAt_idx" ON "Exception"("legalEntityId", "firstSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Exception_code_entityType_entityId_key" ON "Exception"("code", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "ExceptionEvent_inboxEventId_idx" ON "ExceptionEvent"("inboxEventId");

-- CreateIndex
CREATE INDEX "ExceptionAction_exceptionId_at_idx" ON "ExceptionAction"("exceptionId", "at");

-- CreateIndex
CREATE INDEX "ExceptionAction_approvalStatus_idx" ON "ExceptionAction"("approvalStatus");

-- CreateIndex
CREATE INDEX "AuditRecord_entityType_entityId_at_idx" ON "AuditRecord"("entityType", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_correlationId_idx" ON "AuditRecord"("correlationId");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE INDEX "LineageLink_correlationId_idx" ON "LineageLink"("correlationId");

-- CreateIndex
CREATE INDEX "LineageLink_toType_toId_idx" ON "LineageLink"("toType", "toId");

-- CreateIndex
CREATE UNIQUE INDEX "LineageLink_fromType_fromId_toType_toId_relation_key" ON "LineageLink"("fromType", "fromId", "toType", "toId", "relation");

-- CreateIndex
CREATE INDEX "Client_parentId_idx" ON "Client"("parentId");

-- CreateIndex
CREATE INDEX "Client_billToLegalEntityId_idx" ON "Client"("billToLegalEntityId");

-- CreateIndex
CREATE INDEX "Client_name_idx" ON "Client"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Client_sourceSystem_externalId_key" ON "Client"("sourceSystem", "externalId");

-- CreateIndex
CREATE INDEX "ExternalRef_entityType_entityId_idx" ON "ExternalRef"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalRef_system_entityType_externalId_key" ON "ExternalRef"("system", "entityType", "externalId");

-- CreateIndex
CREATE INDEX "Employee_costCenterId_idx" ON "Employee"("costCenterId");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_sourceSystem_externalId_key" ON "Employee"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "EmployeeCostRate_employeeId_effectiveFrom_key" ON "EmployeeCostRate"("employeeId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ResourceAssignment_engagementId_idx" ON "ResourceAssignment"("engagementId");

-- CreateIndex
CREATE INDEX "ResourceAssignment_employeeId_startDate_idx" ON "ResourceAssignment"("employeeId", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceAssignment_sourceSystem_externalId_key" ON "ResourceAssignment"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalEntity_code_key" ON "LegalEntity"("code");

-- CreateIndex
CREATE UNIQUE INDEX "LegalEntity_sourceSystem_externalId_key" ON "LegalEntity"("sourceSystem", "externalId");

-- CreateIndex
CREATE INDEX "AccountingPeriod_legalEntityId_status_startDate_idx" ON "AccountingPeriod"("legalEntityId", "status", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "AccountingPeriod_legalEntityId_period_key" ON "AccountingPeriod"("legalEntityId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CostCenter_code_key" ON "CostCenter"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CostCenter_sourceSystem_externalId_key" ON "CostCenter"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "FxRate_baseCurrency_quoteCurrency_rateDate_key" ON "FxRate"("baseCurrency", "quoteCurrency", "rateDate");

-- CreateIndex
CREATE UNIQUE INDEX "TaxJurisdiction_code_key" ON "TaxJurisdiction"("code");

-- CreateIndex
CREATE UNIQUE INDEX "TaxCode_code_key" ON "TaxCode"("code");

-- CreateIndex
CREATE INDEX "TaxCode_jurisdictionId_idx" ON "TaxCode"("jurisdictionId");

-- CreateIndex
CREATE UNIQUE INDEX "TaxCode_sourceSystem_externalId_key" ON "TaxCode"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCatalogItem_sku_key" ON "ServiceCatalogItem"("sku");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceCatalogItem_sourceSystem_externalId_key" ON "ServiceCatalogItem"("sourceSystem", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRole_code_key" ON "ServiceRole"("code");

-- CreateIndex
CREATE UNIQUE INDEX "RateCard_code_key" ON "RateCard"("code");

-- CreateIndex
CREATE UNIQUE INDEX "RateCard_sourceSystem_externalId_key" ON "RateCard"("sourceSystem", "externalId");

-- CreateIndex
CREATE INDEX "RateCardLine_serviceRoleId_idx" ON "RateCardLine"("serviceRoleId");

-- CreateIndex
CREATE UNIQUE INDEX "RateCardLine_rateCardId_serviceRoleId_effectiveFrom_key" ON "RateCardLine"("rateCardId", "serviceRoleId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RevenueSchedule_engagementId_treatment_key" ON "RevenueSchedule"("engagementId", "treatment");

-- CreateIndex
CREATE UNIQUE INDEX "RevenueEntry_reversesEntryId_key" ON "RevenueEntry"("reversesEntryId");

-- CreateIndex
CREATE INDEX "RevenueEntry_engagementId_period_idx" ON "RevenueEntry"("engagementId", "period");

-- CreateIndex
CREATE INDEX "RevenueEntry_accountingPeriodId_idx" ON "RevenueEntry"("accountingPeriodId");

-- CreateIndex
CREATE INDEX "RevenueEntry_invoiceId_idx" ON "RevenueEntry"("invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "RevenueEntry_scheduleId_idempotencyKey_key" ON "RevenueEntry"("scheduleId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceNumberSequence" ADD CONSTRAINT "InvoiceNumberSequence_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_taxJurisdictionId_fkey" FOREIGN KEY ("taxJurisdictionId") REFERENCES "TaxJurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_accountingPeriodId_fkey" FOREIGN KEY ("accountingPeriodId") REFERENCES "AccountingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_originalInvoiceId_fkey" FOREIGN KEY ("originalInvoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_serviceCatalogItemId_fkey" FOREIGN KEY ("serviceCatalogItemId") REFERENCES "ServiceCatalogItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_serviceRoleId_fkey" FOREIGN KEY ("serviceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_taxCodeId_fkey" FOREIGN KEY ("taxCodeId") REFERENCES "TaxCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_creditedLineId_fkey" FOREIGN KEY ("creditedLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLineSource" ADD CONSTRAINT "InvoiceLineSource_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLineSource" ADD CONSTRAINT "InvoiceLineSource_timeTransactionId_fkey" FOREIGN KEY ("timeTransactionId") REFERENCES "TimeTransaction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLineSource" ADD CONSTRAINT "InvoiceLineSource_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLineSource" ADD CONSTRAINT "InvoiceLineSource_expenseId_fkey" FOREIGN KEY ("expenseId") REFERENCES "Expense"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLineSource" ADD CONSTRAINT "InvoiceLineSource_usageRecordId_fkey" FOREIGN KEY ("usageRecordId") REFERENCES "UsageRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLineSource" ADD CONSTRAINT "InvoiceLineSource_billingPlanId_fkey" FOREIGN KEY ("billingPlanId") REFERENCES "BillingPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashReceipt" ADD CONSTRAINT "CashReceipt_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashReceipt" ADD CONSTRAINT "CashReceipt_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashApplication" ADD CONSTRAINT "CashApplication_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "CashReceipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashApplication" ADD CONSTRAINT "CashApplication_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashApplication" ADD CONSTRAINT "CashApplication_reversesApplicationId_fkey" FOREIGN KEY ("reversesApplicationId") REFERENCES "CashApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "CashReceipt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteVersion" ADD CONSTRAINT "QuoteVersion_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_quoteVersionId_fkey" FOREIGN KEY ("quoteVersionId") REFERENCES "QuoteVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_serviceCatalogItemId_fkey" FOREIGN KEY ("serviceCatalogItemId") REFERENCES "ServiceCatalogItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_serviceRoleId_fkey" FOREIGN KEY ("serviceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SowVersion" ADD CONSTRAINT "SowVersion_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SowVersion" ADD CONSTRAINT "SowVersion_quoteVersionId_fkey" FOREIGN KEY ("quoteVersionId") REFERENCES "QuoteVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SowVersion" ADD CONSTRAINT "SowVersion_changeOrderId_fkey" FOREIGN KEY ("changeOrderId") REFERENCES "ChangeOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeOrder" ADD CONSTRAINT "ChangeOrder_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeOrder" ADD CONSTRAINT "ChangeOrder_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeOrder" ADD CONSTRAINT "ChangeOrder_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingPlan" ADD CONSTRAINT "BillingPlan_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingPlan" ADD CONSTRAINT "BillingPlan_standardRateCardId_fkey" FOREIGN KEY ("standardRateCardId") REFERENCES "RateCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BillingPlan" ADD CONSTRAINT "BillingPlan_contractRateCardId_fkey" FOREIGN KEY ("contractRateCardId") REFERENCES "RateCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_changeOrderId_fkey" FOREIGN KEY ("changeOrderId") REFERENCES "ChangeOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneEvidence" ADD CONSTRAINT "MilestoneEvidence_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_serviceRoleId_fkey" FOREIGN KEY ("serviceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_rateCardLineId_fkey" FOREIGN KEY ("rateCardLineId") REFERENCES "RateCardLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_costCenterId_fkey" FOREIGN KEY ("costCenterId") REFERENCES "CostCenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_revenueEntryId_fkey" FOREIGN KEY ("revenueEntryId") REFERENCES "RevenueEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeTransaction" ADD CONSTRAINT "TimeTransaction_reversalInvoiceLineId_fkey" FOREIGN KEY ("reversalInvoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_serviceCatalogItemId_fkey" FOREIGN KEY ("serviceCatalogItemId") REFERENCES "ServiceCatalogItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_costCenterId_fkey" FOREIGN KEY ("costCenterId") REFERENCES "CostCenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_revenueEntryId_fkey" FOREIGN KEY ("revenueEntryId") REFERENCES "RevenueEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_revenueEntryId_fkey" FOREIGN KEY ("revenueEntryId") REFERENCES "RevenueEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageRecord" ADD CONSTRAINT "UsageRecord_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectorSecret" ADD CONSTRAINT "ConnectorSecret_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboxEvent" ADD CONSTRAINT "InboxEvent_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxCommand" ADD CONSTRAINT "OutboxCommand_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxCommand" ADD CONSTRAINT "OutboxCommand_causedByEventId_fkey" FOREIGN KEY ("causedByEventId") REFERENCES "InboxEvent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxAttempt" ADD CONSTRAINT "OutboxAttempt_commandId_fkey" FOREIGN KEY ("commandId") REFERENCES "OutboxCommand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exception" ADD CONSTRAINT "Exception_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExceptionEvent" ADD CONSTRAINT "ExceptionEvent_exceptionId_fkey" FOREIGN KEY ("exceptionId") REFERENCES "Exception"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExceptionEvent" ADD CONSTRAINT "ExceptionEvent_inboxEventId_fkey" FOREIGN KEY ("inboxEventId") REFERENCES "InboxEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExceptionAction" ADD CONSTRAINT "ExceptionAction_exceptionId_fkey" FOREIGN KEY ("exceptionId") REFERENCES "Exception"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExceptionAction" ADD CONSTRAINT "ExceptionAction_outboxCommandId_fkey" FOREIGN KEY ("outboxCommandId") REFERENCES "OutboxCommand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_billToLegalEntityId_fkey" FOREIGN KEY ("billToLegalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_costCenterId_fkey" FOREIGN KEY ("costCenterId") REFERENCES "CostCenter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_defaultServiceRoleId_fkey" FOREIGN KEY ("defaultServiceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmployeeCostRate" ADD CONSTRAINT "EmployeeCostRate_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceAssignment" ADD CONSTRAINT "ResourceAssignment_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceAssignment" ADD CONSTRAINT "ResourceAssignment_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceAssignment" ADD CONSTRAINT "ResourceAssignment_serviceRoleId_fkey" FOREIGN KEY ("serviceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountingPeriod" ADD CONSTRAINT "AccountingPeriod_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CostCenter" ADD CONSTRAINT "CostCenter_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaxCode" ADD CONSTRAINT "TaxCode_jurisdictionId_fkey" FOREIGN KEY ("jurisdictionId") REFERENCES "TaxJurisdiction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCatalogItem" ADD CONSTRAINT "ServiceCatalogItem_serviceRoleId_fkey" FOREIGN KEY ("serviceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceCatalogItem" ADD CONSTRAINT "ServiceCatalogItem_defaultTaxCodeId_fkey" FOREIGN KEY ("defaultTaxCodeId") REFERENCES "TaxCode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateCard" ADD CONSTRAINT "RateCard_legalEntityId_fkey" FOREIGN KEY ("legalEntityId") REFERENCES "LegalEntity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateCardLine" ADD CONSTRAINT "RateCardLine_rateCardId_fkey" FOREIGN KEY ("rateCardId") REFERENCES "RateCard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateCardLine" ADD CONSTRAINT "RateCardLine_serviceRoleId_fkey" FOREIGN KEY ("serviceRoleId") REFERENCES "ServiceRole"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RateCardLine" ADD CONSTRAINT "RateCardLine_serviceCatalogItemId_fkey" FOREIGN KEY ("serviceCatalogItemId") REFERENCES "ServiceCatalogItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueSchedule" ADD CONSTRAINT "RevenueSchedule_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "RevenueSchedule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_accountingPeriodId_fkey" FOREIGN KEY ("accountingPeriodId") REFERENCES "AccountingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_reversesEntryId_fkey" FOREIGN KEY ("reversesEntryId") REFERENCES "RevenueEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevenueEntry" ADD CONSTRAINT "RevenueEntry_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the audit trail is append-only (DESIGN.md §3). Prisma cannot express
-- this, so a trigger refuses UPDATE and DELETE on "AuditRecord" for every role.
CREATE FUNCTION "threadline_audit_record_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditRecord is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditRecord_append_only"
  BEFORE UPDATE OR DELETE ON "AuditRecord"
  FOR EACH ROW EXECUTE FUNCTION "threadline_audit_record_append_only"();
