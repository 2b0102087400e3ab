// Validation before creation of q2c.quote.accepted.v1 (DESIGN.md §6): each failing check
// holds the event with its exception code and the quote's value as impact, creates
// nothing, and the same event completes once the data is fixed.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import type { ExceptionCode } from '../db/generated/enums.ts';
import type { QuoteAcceptedData } from '../ingest/schemas/quote-accepted.ts';
import { commercialConnectors, engagementOfQuote, handle, quoteData, rowCounts, storedEvent, tmQuote, uniqueId } from '../../test/fixtures/commercial.ts';
import { QUOTE_ACCEPTED_V1, quoteAcceptedWorkflow } from './quote-accepted.ts';
import { WorkflowHold, type WorkflowSender } from './workflow.ts';

let crm: WorkflowSender;
let psa: WorkflowSender;
beforeAll(async () => {
  ({ crm, psa } = await commercialConnectors());
});

async function held(data: QuoteAcceptedData, sender: WorkflowSender = crm): Promise<WorkflowHold['exception']> {
  const before = await rowCounts();
  const event = await storedEvent(QUOTE_ACCEPTED_V1, sender, data);
  const error = await handle(quoteAcceptedWorkflow, event, sender).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowHold);
  expect(await rowCounts()).toEqual(before);
  return (error as WorkflowHold).exception;
}

const expectHold = (exception: WorkflowHold['exception'], code: ExceptionCode, data: QuoteAcceptedData, title: RegExp) =>
  expect(exception).toMatchObject({ code, entityType: 'Quote', entityId: data.quoteId, title: expect.stringMatching(title), impact: { amount: '250000', currency: data.currency, date: new Date(data.acceptedAt) } });

describe('q2c.quote.accepted.v1: validation before creation', () => {
  it('INVALID_LEGAL_ENTITY: unknown or inactive legal entity', async () => {
    const data = quoteData({ client: { externalId: uniqueId('C'), name: 'X', legalEntityCode: 'ZZ01' } });
    expectHold(await held(data), 'INVALID_LEGAL_ENTITY', data, /legal entity "ZZ01" is unknown/);
  });

  it('CURRENCY_MISMATCH: a currency without a price list; a price-list currency is fine for any legal entity', async () => {
    const chf = quoteData({ currency: 'CHF', rateCardCode: undefined });
    expectHold(await held(chf), 'CURRENCY_MISMATCH', chf, /US01 cannot contract in CHF/);
    const gbpForUs = quoteData({ currency: 'GBP', rateCardCode: undefined });
    await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, gbpForUs), crm);
    expect((await engagementOfQuote(crm.code, gbpForUs.quoteId)).billingPlan?.standardRateCard?.code).toBe('STD-GBP');
    const wrongCard = quoteData({ rateCardCode: 'STD-EUR' });
    expectHold(await held(wrongCard), 'CURRENCY_MISMATCH', wrongCard, /rate card STD-EUR is in EUR, the quote in USD/);
  });

  it('MISSING_TAX_PROFILE: a taxable quote needs a known jurisdiction; an exempt one does not', async () => {
    const data = quoteData({ taxProfile: { nexus: 'US-ZZ', exempt: false } });
    expectHold(await held(data), 'MISSING_TAX_PROFILE', data, /tax nexus "US-ZZ"/);
    const exempt = quoteData({ taxProfile: { nexus: 'US-ZZ', exempt: true } });
    await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, exempt), crm);
    expect((await engagementOfQuote(crm.code, exempt.quoteId)).billingPlan?.taxExempt).toBe(true);
  });

  it('CLIENT_NOT_MASTERED: a parent that does not resolve; linking it and replaying completes', async () => {
    const parentId = uniqueId('GROUP');
    const data = quoteData();
    const withParent = { ...data, client: { ...data.client, parentExternalId: parentId } };
    const event = await storedEvent(QUOTE_ACCEPTED_V1, crm, withParent);
    const error = (await handle(quoteAcceptedWorkflow, event, crm).catch((e: unknown) => e)) as WorkflowHold;
    expectHold(error.exception, 'CLIENT_NOT_MASTERED', data, new RegExp(`parent ${parentId} is not known`));

    const parent = await db().client.create({ data: { name: 'Acme Group', billToLegalEntityId: (await db().legalEntity.findUniqueOrThrow({ where: { code: 'US01' } })).id } });
    await db().externalRef.create({ data: { system: crm.code, entityType: 'Client', externalId: parentId, entityId: parent.id } });
    await handle(quoteAcceptedWorkflow, event, crm);
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect((await db().client.findUniqueOrThrow({ where: { id: engagement.clientId } })).parentId).toBe(parent.id);
  });

  it('UNMAPPED_SERVICE_SKU names every unmapped SKU; a FieldMapping fixes it and the replay creates the engagement once', async () => {
    const data = quoteData({ lines: [{ sku: 'SF-TRANSFORM-01', description: 'CRM SKU', quantity: 1, unitPrice: '250000' }] });
    const event = await storedEvent(QUOTE_ACCEPTED_V1, crm, data);
    const error = (await handle(quoteAcceptedWorkflow, event, crm).catch((e: unknown) => e)) as WorkflowHold;
    expectHold(error.exception, 'UNMAPPED_SERVICE_SKU', data, /SKU SF-TRANSFORM-01 not in the service catalog/);
    expect(error.exception.details).toMatchObject({ unmappedSkus: ['SF-TRANSFORM-01'], system: crm.code });

    await db().fieldMapping.create({
      data: { system: crm.code, entityType: 'ServiceCatalogItem', direction: 'INBOUND', kind: 'VALUE', canonicalField: 'sku', externalField: 'sku', externalValue: 'SF-TRANSFORM-01', canonicalValue: 'FF-TRANSFORM' },
    });
    await handle(quoteAcceptedWorkflow, event, crm);
    const counts = await rowCounts();
    await handle(quoteAcceptedWorkflow, event, crm);
    expect(await rowCounts()).toEqual(counts);
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    const lines = await db().quoteLine.findMany({ where: { quoteVersion: { quoteId: engagement.quoteId! } }, include: { serviceCatalogItem: true } });
    expect(lines.map((l) => [l.sku, l.serviceCatalogItem?.sku])).toEqual([['SF-TRANSFORM-01', 'FF-TRANSFORM']]);
  });

  it('RATE_CARD_MISSING: unknown rate card, unknown role, a role at two rates, a role at 0 the card does not cover', async () => {
    const unknownCard = quoteData({ rateCardCode: 'STD-XYZ' });
    expectHold(await held(unknownCard), 'RATE_CARD_MISSING', unknownCard, /rate card STD-XYZ is unknown/);

    const line = (role: string, unitPrice: string) => ({ sku: 'ADV-SENIOR', description: role, quantity: '10', unitPrice, role });
    const impact = (amount: string) => ({ code: 'RATE_CARD_MISSING', impact: { amount, currency: 'USD' } });
    const unknownRole = tmQuote({ lines: [line('WIZARD', '500')] });
    expect(await held(unknownRole)).toMatchObject({ ...impact('5000'), title: expect.stringMatching(/role WIZARD \(line 1\) is not a known service role/) });
    const twoRates = tmQuote({ lines: [line('MANAGER', '400'), line('MANAGER', '450')] });
    expect(await held(twoRates)).toMatchObject({ ...impact('8500'), title: expect.stringMatching(/MANAGER is quoted at two rates/) });

    await db().rateCard.create({ data: { code: 'STD-USD-THIN', name: 'No lines', kind: 'STANDARD', currency: 'USD' } });
    const uncovered = tmQuote({ rateCardCode: 'STD-USD-THIN', lines: [line('MANAGER', '0'), line('PARTNER', '700')] });
    expect(await held(uncovered)).toMatchObject({ code: 'RATE_CARD_MISSING', title: expect.stringMatching(/no rate for MANAGER: .*STD-USD-THIN does not cover it/) });
  });

  it('MILESTONE_VALUE_MISMATCH: fixed-fee milestones must sum to the contract value', async () => {
    const data = quoteData({ milestones: [{ ref: 'M1', name: 'Only half', amount: '125000' }] });
    expectHold(await held(data), 'MILESTONE_VALUE_MISMATCH', data, /milestones sum to 125000 USD, the contract to 250000/);
  });

  it('a system that does not master quotes changes nothing and raises OWNERSHIP_VIOLATION', async () => {
    const data = quoteData();
    const before = await rowCounts();
    const outcome = await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, psa, data), psa);
    expect(outcome).toMatchObject({ status: 'ignored', note: expect.stringMatching(/does not master quotes/) });
    expect((await rowCounts()).engagements).toBe(before.engagements);
    expect(await db().exception.findUnique({ where: { code_entityType_entityId: { code: 'OWNERSHIP_VIOLATION', entityType: 'Quote', entityId: data.quoteId } } })).not.toBeNull();
  });

  it('CONNECTOR_DELIVERY_FAILED: without an active PSA connector nothing is created; with it, the replay completes', async () => {
    const data = quoteData();
    await db().connector.update({ where: { code: 'psa' }, data: { active: false } });
    try {
      const event = await storedEvent(QUOTE_ACCEPTED_V1, crm, data);
      const error = (await handle(quoteAcceptedWorkflow, event, crm).catch((e: unknown) => e)) as WorkflowHold;
      expect(error.exception).toMatchObject({ code: 'CONNECTOR_DELIVERY_FAILED', entityType: 'Connector', entityId: 'PSA', impact: { amount: '250000' }, details: { reason: 'CONNECTOR_MISSING' } });
      await db().connector.update({ where: { code: 'psa' }, data: { active: true } });
      await handle(quoteAcceptedWorkflow, event, crm);
      const engagement = await engagementOfQuote(crm.code, data.quoteId);
      expect(await db().outboxCommand.count({ where: { entityId: engagement.id, kind: 'CREATE_PROJECT' } })).toBe(2);
    } finally {
      await db().connector.update({ where: { code: 'psa' }, data: { active: true } });
    }
  });
});
