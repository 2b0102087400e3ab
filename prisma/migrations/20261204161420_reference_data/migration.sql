-- Hand-written data migration: the reference data every installation starts with
-- (DESIGN.md §12; the typed list of codes is lib/domain/reference/). Every statement is
-- INSERT ... ON CONFLICT DO NOTHING on a natural key, so running this script again changes
-- nothing, and rows an administrator has since edited are never overwritten.

-- Legal entities. USD is the group currency. taxNexus lists TaxJurisdiction codes.
INSERT INTO "LegalEntity" ("id", "code", "name", "country", "region", "baseCurrency", "taxNexus", "updatedAt") VALUES
  (gen_random_uuid(), 'US01', 'Consulting Group US, Inc.', 'US', 'AMER', 'USD', ARRAY['US-NY', 'US-CA', 'US-TX', 'US-HI', 'US-NM'], CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'GB01', 'Consulting Group UK Ltd', 'GB', 'EMEA', 'GBP', ARRAY['GB'], CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'DE01', 'Consulting Group Deutschland GmbH', 'DE', 'EMEA', 'EUR', ARRAY['DE'], CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'IN01', 'Consulting Group India Private Limited', 'IN', 'APAC', 'INR', ARRAY['IN'], CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;

-- Monthly accounting periods 2025-01 .. 2027-12 for each of them, all OPEN.
INSERT INTO "AccountingPeriod" ("id", "legalEntityId", "period", "startDate", "endDate", "status", "updatedAt")
SELECT gen_random_uuid(), le."id", to_char(m.month, 'YYYY-MM'), m.month::date, (m.month + interval '1 month' - interval '1 day')::date, 'OPEN', CURRENT_TIMESTAMP
  FROM "LegalEntity" le
 CROSS JOIN generate_series(timestamp '2025-01-01', timestamp '2027-12-01', interval '1 month') AS m(month)
 WHERE le."code" IN ('US01', 'GB01', 'DE01', 'IN01')
ON CONFLICT ("legalEntityId", "period") DO NOTHING;

-- Cost centers: advisory, transformation and managed services in each legal entity.
INSERT INTO "CostCenter" ("id", "code", "name", "legalEntityId", "updatedAt")
SELECT gen_random_uuid(), le."code" || '-' || cc.suffix, le."code" || ' ' || cc.name, le."id", CURRENT_TIMESTAMP
  FROM "LegalEntity" le
 CROSS JOIN (VALUES ('ADV', 'Advisory'), ('TRF', 'Transformation programs'), ('MSV', 'Managed services')) AS cc(suffix, name)
 WHERE le."code" IN ('US01', 'GB01', 'DE01', 'IN01')
ON CONFLICT ("code") DO NOTHING;

-- FX reference rates: 1 unit of GBP/EUR/INR = rate USD on the first of each month. These
-- are reference values for demos and tests, NOT market data; a production installation
-- loads its treasury feed. INR is written from the market's USD/INR quote (1 / x). 2027
-- carries December 2026 forward so that every seeded accounting period has a rate.
INSERT INTO "FxRate" ("id", "baseCurrency", "quoteCurrency", "rateDate", "rate", "source")
SELECT gen_random_uuid(), r.currency, 'USD', make_date(r.year, r.month, 1), r.rate, 'reference'
  FROM (
    SELECT 'GBP' AS currency, 2025 AS year, ord::int AS month, v AS rate
      FROM unnest(ARRAY[1.2516, 1.2395, 1.2940, 1.2915, 1.3300, 1.3550, 1.3720, 1.3280, 1.3500, 1.3450, 1.3150, 1.3250]::numeric[]) WITH ORDINALITY AS t(v, ord)
    UNION ALL
    SELECT 'GBP', 2026, ord::int, v
      FROM unnest(ARRAY[1.3400, 1.3550, 1.3600, 1.3500, 1.3400, 1.3450, 1.3500, 1.3550, 1.3500, 1.3450, 1.3400, 1.3350]::numeric[]) WITH ORDINALITY AS t(v, ord)
    UNION ALL
    SELECT 'EUR', 2025, ord::int, v
      FROM unnest(ARRAY[1.0350, 1.0360, 1.0800, 1.0820, 1.1300, 1.1350, 1.1780, 1.1580, 1.1700, 1.1680, 1.1550, 1.1600]::numeric[]) WITH ORDINALITY AS t(v, ord)
    UNION ALL
    SELECT 'EUR', 2026, ord::int, v
      FROM unnest(ARRAY[1.1700, 1.1750, 1.1800, 1.1700, 1.1650, 1.1700, 1.1750, 1.1800, 1.1750, 1.1700, 1.1650, 1.1600]::numeric[]) WITH ORDINALITY AS t(v, ord)
    UNION ALL
    SELECT 'INR', 2025, ord::int, round(1 / v, 10)
      FROM unnest(ARRAY[85.60, 86.70, 87.40, 85.50, 85.50, 85.60, 85.70, 87.60, 88.20, 88.80, 88.60, 89.50]::numeric[]) WITH ORDINALITY AS t(v, ord)
    UNION ALL
    SELECT 'INR', 2026, ord::int, round(1 / v, 10)
      FROM unnest(ARRAY[90.00, 90.50, 91.00, 90.80, 91.20, 91.50, 91.40, 91.80, 92.00, 92.20, 92.50, 92.60]::numeric[]) WITH ORDINALITY AS t(v, ord)
    UNION ALL
    SELECT december.currency, 2027, m, december.rate
      FROM (VALUES ('GBP', 1.3350::numeric), ('EUR', 1.1600::numeric), ('INR', round(1 / 92.60::numeric, 10))) AS december(currency, rate)
     CROSS JOIN generate_series(1, 12) AS m
  ) AS r
ON CONFLICT ("baseCurrency", "quoteCurrency", "rateDate") DO NOTHING;

-- Tax jurisdictions: a handful of US states, the UK, Germany and India.
INSERT INTO "TaxJurisdiction" ("id", "code", "name", "country", "region") VALUES
  (gen_random_uuid(), 'US-NY', 'New York', 'US', 'NY'),
  (gen_random_uuid(), 'US-CA', 'California', 'US', 'CA'),
  (gen_random_uuid(), 'US-TX', 'Texas', 'US', 'TX'),
  (gen_random_uuid(), 'US-HI', 'Hawaii', 'US', 'HI'),
  (gen_random_uuid(), 'US-NM', 'New Mexico', 'US', 'NM'),
  (gen_random_uuid(), 'GB', 'United Kingdom', 'GB', NULL),
  (gen_random_uuid(), 'DE', 'Germany', 'DE', NULL),
  (gen_random_uuid(), 'IN', 'India', 'IN', NULL)
ON CONFLICT ("code") DO NOTHING;

-- Tax codes. <J>-STD is the treatment of professional/consulting services in J: NY, CA and
-- TX do not tax them (rate 0); Hawaii's general excise tax (4 %) and New Mexico's gross
-- receipts tax (state rate 4.875 % since 2023-07-01) do; county/local add-ons come from
-- the tax engine. UK VAT 20 %, German USt 19 % (from 2021, after the temporary 16 %),
-- Indian GST 18 % on consulting (SAC 9983). RC = reverse charge on cross-border business
-- supplies (the customer accounts for the VAT); ZR = India's zero-rated export of services.
-- <J>-EXEMPT: an exempt customer (exempt = true means no tax).
INSERT INTO "TaxCode" ("id", "code", "name", "jurisdictionId", "rate", "exempt", "effectiveFrom", "updatedAt")
SELECT gen_random_uuid(), c.code, c.name, j."id", c.rate, c.exempt, c.effective_from, CURRENT_TIMESTAMP
  FROM (VALUES
    ('US-NY-STD', 'US-NY', 'New York: consulting services not subject to sales tax', 0::numeric, false, date '2020-01-01'),
    ('US-CA-STD', 'US-CA', 'California: consulting services not subject to sales tax', 0, false, date '2020-01-01'),
    ('US-TX-STD', 'US-TX', 'Texas: consulting services not subject to sales tax', 0, false, date '2020-01-01'),
    ('US-HI-STD', 'US-HI', 'Hawaii general excise tax 4 % (state rate)', 0.04, false, date '2020-01-01'),
    ('US-NM-STD', 'US-NM', 'New Mexico gross receipts tax 4.875 % (state rate)', 0.04875, false, date '2023-07-01'),
    ('GB-VAT-STD', 'GB', 'UK VAT standard rate 20 %', 0.2, false, date '2011-01-04'),
    ('GB-VAT-RC', 'GB', 'UK VAT reverse charge (business customer outside the UK)', 0, false, date '2011-01-04'),
    ('DE-UST-STD', 'DE', 'Umsatzsteuer Regelsatz 19 %', 0.19, false, date '2021-01-01'),
    ('DE-UST-RC', 'DE', 'Steuerschuldnerschaft des Leistungsempfängers (reverse charge, § 13b UStG)', 0, false, date '2021-01-01'),
    ('IN-GST-STD', 'IN', 'GST 18 % on consulting services (SAC 9983)', 0.18, false, date '2017-07-01'),
    ('IN-GST-ZR', 'IN', 'GST zero-rated export of services (under LUT)', 0, false, date '2017-07-01'),
    ('US-NY-EXEMPT', 'US-NY', 'New York: exempt customer', 0, true, date '2020-01-01'),
    ('US-CA-EXEMPT', 'US-CA', 'California: exempt customer', 0, true, date '2020-01-01'),
    ('US-TX-EXEMPT', 'US-TX', 'Texas: exempt customer', 0, true, date '2020-01-01'),
    ('US-HI-EXEMPT', 'US-HI', 'Hawaii: exempt customer', 0, true, date '2020-01-01'),
    ('US-NM-EXEMPT', 'US-NM', 'New Mexico: exempt customer', 0, true, date '2020-01-01'),
    ('GB-VAT-EXEMPT', 'GB', 'UK VAT exempt', 0, true, date '2011-01-04'),
    ('DE-UST-EXEMPT', 'DE', 'Umsatzsteuerfrei', 0, true, date '2021-01-01'),
    ('IN-GST-EXEMPT', 'IN', 'GST exempt', 0, true, date '2017-07-01')
  ) AS c(code, jurisdiction, name, rate, exempt, effective_from)
  JOIN "TaxJurisdiction" j ON j."code" = c.jurisdiction
ON CONFLICT ("code") DO NOTHING;

-- The delivery role catalog, most senior first.
INSERT INTO "ServiceRole" ("id", "code", "name", "rank") VALUES
  (gen_random_uuid(), 'PARTNER', 'Partner', 5),
  (gen_random_uuid(), 'MANAGER', 'Manager', 4),
  (gen_random_uuid(), 'SENIOR_CONSULTANT', 'Senior consultant', 3),
  (gen_random_uuid(), 'CONSULTANT', 'Consultant', 2),
  (gen_random_uuid(), 'ANALYST', 'Analyst', 1)
ON CONFLICT ("code") DO NOTHING;

-- The service catalog. No default tax code: the tax engine decides per jurisdiction.
INSERT INTO "ServiceCatalogItem" ("id", "sku", "name", "description", "kind", "unitOfMeasure", "serviceRoleId", "revenueTreatment", "updatedAt")
SELECT gen_random_uuid(), s.sku, s.name, s.description, s.kind::"ServiceKind", s.uom::"UnitOfMeasure", r."id", s.treatment::"RevenueTreatment", CURRENT_TIMESTAMP
  FROM (VALUES
    ('ADV-PARTNER', 'Advisory time: partner', 'Hourly advisory work by a partner', 'TIME', 'HOUR', 'PARTNER', 'AS_DELIVERED'),
    ('ADV-SENIOR', 'Advisory time: senior', 'Hourly advisory work by a manager or senior consultant', 'TIME', 'HOUR', 'SENIOR_CONSULTANT', 'AS_DELIVERED'),
    ('ADV-CONSULTANT', 'Advisory time: consultant', 'Hourly advisory work by a consultant', 'TIME', 'HOUR', 'CONSULTANT', 'AS_DELIVERED'),
    ('ADV-ANALYST', 'Advisory time: analyst', 'Hourly advisory work by an analyst', 'TIME', 'HOUR', 'ANALYST', 'AS_DELIVERED'),
    ('FF-TRANSFORM', 'Transformation program (fixed fee)', 'Fixed-fee transformation program billed by milestone', 'FIXED_FEE', 'EACH', NULL, 'PERCENT_COMPLETE'),
    ('FF-IMPLEMENT', 'Implementation (fixed fee)', 'Fixed-fee implementation billed by milestone', 'FIXED_FEE', 'EACH', NULL, 'PERCENT_COMPLETE'),
    ('MS-RETAINER', 'Managed services retainer', 'Monthly managed-services fee, invoiced in advance', 'RETAINER', 'MONTH', NULL, 'RATABLE'),
    ('MS-OVERAGE', 'Managed services overage', 'Usage above the retainer''s included units, billed in arrears', 'OVERAGE', 'UNIT', NULL, 'USAGE'),
    ('EXP-TRAVEL', 'Travel and expenses', 'Pass-through travel and expenses', 'EXPENSE', 'EACH', NULL, 'POINT_IN_TIME')
  ) AS s(sku, name, description, kind, uom, role, treatment)
  LEFT JOIN "ServiceRole" r ON r."code" = s.role
ON CONFLICT ("sku") DO NOTHING;

-- Standard rate cards, one per currency, not tied to a legal entity.
INSERT INTO "RateCard" ("id", "code", "name", "kind", "currency", "updatedAt") VALUES
  (gen_random_uuid(), 'STD-USD', 'Standard rates (USD)', 'STANDARD', 'USD', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'STD-GBP', 'Standard rates (GBP)', 'STANDARD', 'GBP', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'STD-EUR', 'Standard rates (EUR)', 'STANDARD', 'EUR', CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'STD-INR', 'Standard rates (INR)', 'STANDARD', 'INR', CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;

-- Hourly list rates per role from 2020-01-01, open-ended. A manager's time bills under
-- ADV-SENIOR (there are four advisory SKUs for five roles).
INSERT INTO "RateCardLine" ("id", "rateCardId", "serviceRoleId", "serviceCatalogItemId", "currency", "rate", "effectiveFrom", "updatedAt")
SELECT gen_random_uuid(), rc."id", r."id", s."id", rc."currency", l.rate, date '2020-01-01', CURRENT_TIMESTAMP
  FROM (VALUES
    ('STD-USD', 'PARTNER', 650::numeric), ('STD-USD', 'MANAGER', 425), ('STD-USD', 'SENIOR_CONSULTANT', 325), ('STD-USD', 'CONSULTANT', 250), ('STD-USD', 'ANALYST', 175),
    ('STD-GBP', 'PARTNER', 520), ('STD-GBP', 'MANAGER', 340), ('STD-GBP', 'SENIOR_CONSULTANT', 260), ('STD-GBP', 'CONSULTANT', 200), ('STD-GBP', 'ANALYST', 140),
    ('STD-EUR', 'PARTNER', 600), ('STD-EUR', 'MANAGER', 390), ('STD-EUR', 'SENIOR_CONSULTANT', 300), ('STD-EUR', 'CONSULTANT', 230), ('STD-EUR', 'ANALYST', 160),
    ('STD-INR', 'PARTNER', 18000), ('STD-INR', 'MANAGER', 11000), ('STD-INR', 'SENIOR_CONSULTANT', 8000), ('STD-INR', 'CONSULTANT', 6000), ('STD-INR', 'ANALYST', 4000)
  ) AS l(card, role, rate)
  JOIN "RateCard" rc ON rc."code" = l.card
  JOIN "ServiceRole" r ON r."code" = l.role
  JOIN "ServiceCatalogItem" s ON s."sku" = CASE l.role
    WHEN 'PARTNER' THEN 'ADV-PARTNER'
    WHEN 'MANAGER' THEN 'ADV-SENIOR'
    WHEN 'SENIOR_CONSULTANT' THEN 'ADV-SENIOR'
    WHEN 'CONSULTANT' THEN 'ADV-CONSULTANT'
    ELSE 'ADV-ANALYST' END
ON CONFLICT ("rateCardId", "serviceRoleId", "effectiveFrom") DO NOTHING;

-- Default data-stewardship rules (DESIGN.md §6); fields are canonical column names and
-- "*" covers the rest of the domain. A field no rule covers may be changed by any system.
INSERT INTO "OwnershipRule" ("id", "domain", "field", "owningSystem", "note", "updatedAt")
SELECT gen_random_uuid(), o.domain::"EntityType", o.field, o.owner::"SystemKind", o.note, CURRENT_TIMESTAMP
  FROM (VALUES
    ('Quote', '*', 'CRM', 'Opportunities and quotes are mastered in the CRM/CPQ'),
    ('QuoteVersion', '*', 'CRM', 'Opportunities and quotes are mastered in the CRM/CPQ'),
    ('QuoteLine', '*', 'CRM', 'Opportunities and quotes are mastered in the CRM/CPQ'),
    ('Client', '*', 'CRM', 'Prospect data; clients are created from the CRM'),
    ('Client', 'name', 'CRM', 'Prospect data'),
    ('Client', 'parentId', 'CRM', 'Account hierarchy'),
    ('Client', 'legalName', 'ERP', 'Legal customer record'),
    ('Client', 'billToLegalEntityId', 'ERP', 'Bill-to'),
    ('Client', 'billingCurrency', 'ERP', 'Bill-to'),
    ('Client', 'billingAddress', 'ERP', 'Bill-to'),
    ('Client', 'paymentTermsDays', 'ERP', 'Payment terms'),
    ('Client', 'country', 'ERP', 'Legal customer record'),
    ('Client', 'taxNexus', 'ERP', 'Tax profile'),
    ('Client', 'taxExempt', 'ERP', 'Tax profile'),
    ('Client', 'status', 'ERP', 'Whether the customer may be invoiced'),
    ('Client', 'health', 'THREADLINE', 'Computed by Threadline and pushed to the CRM'),
    ('Client', 'healthReason', 'THREADLINE', 'Computed by Threadline and pushed to the CRM'),
    ('Employee', '*', 'HCM', 'Employees, cost rates and cost centers'),
    ('Engagement', '*', 'THREADLINE', 'The canonical engagement record'),
    ('Engagement', 'psaProjectId', 'PSA', 'Project side of the engagement'),
    ('Engagement', 'startDate', 'PSA', 'Project schedule'),
    ('Engagement', 'endDate', 'PSA', 'Project schedule'),
    ('Engagement', 'erpProjectId', 'ERP', 'The ERP project id'),
    ('TimeTransaction', '*', 'PSA', 'Project tasks and time'),
    ('Milestone', 'completedAt', 'PSA', 'Milestone completion'),
    ('Milestone', 'approvedAt', 'PSA', 'Project manager approval'),
    ('Milestone', 'approvedBy', 'PSA', 'Project manager approval'),
    ('Invoice', '*', 'ERP', 'Invoices and receivables'),
    ('CashApplication', '*', 'ERP', 'Receivables'),
    ('CashReceipt', '*', 'BANK', 'Settlement: the bank statement is the final word on cash'),
    ('CashReceipt', 'refundedAmount', 'PAYMENTS', 'Refunds are known to the payment gateway'),
    ('Dispute', '*', 'PAYMENTS', 'Disputes and chargebacks come from the payment gateway')
  ) AS o(domain, field, owner, note)
ON CONFLICT ("domain", "field") DO NOTHING;
