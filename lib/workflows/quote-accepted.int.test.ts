// q2c.quote.accepted.v1 on a real database: what a first acceptance creates for each
// billing model, the outbox and lineage it writes, idempotent replays, older versions,
// and two transactions accepting the same quote version at once.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/client.ts';
import type { QuoteAcceptedData } from '../ingest/schemas/quote-accepted.ts';
import { commercialConnectors, engagementOfQuote, handle, quoteData, retainerQuote, rowCounts, storedEvent, tmQuote } from '../../test/fixtures/commercial.ts';
import { QUOTE_ACCEPTED_V1, quoteAcceptedWorkflow } from './quote-accepted.ts';
import type { WorkflowSender } from './workflow.ts';

let crm: WorkflowSender;
beforeAll(async () => {
  ({ crm } = await commercialConnectors());
});

async function accept(data: QuoteAcceptedData, correlationId: string | null = null) {
  const event = await storedEvent(QUOTE_ACCEPTED_V1, crm, data, { correlationId });
  const outcome = await handle(quoteAcceptedWorkflow, event, crm);
  return { event, outcome };
}

describe('q2c.quote.accepted.v1: fixed fee', () => {
  it('creates client, quote, contract, SOW, engagement shell, plan and milestones, with audit, lineage and outbox', async () => {
    const data = quoteData();
    const { event, outcome } = await accept(data, 'corr-ff-1');
    expect(outcome).toMatchObject({ status: 'applied', note: expect.stringMatching(/^Engagement ENG-US01-\d{4} created \(SHELL\).*3 command\(s\) queued\. Client .* created\.$/) });

    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect(engagement).toMatchObject({ status: 'SHELL', correlationId: 'corr-ff-1', currency: 'USD', psaProjectId: null, activatedAt: null });
    expect(engagement.code).toMatch(/^ENG-US01-\d{4}$/);
    expect([engagement.value.toString(), engagement.estimatedCost?.toString(), engagement.budgetHours]).toEqual(['250000', '180000', null]);
    expect(engagement.quoteAcceptedAt).toEqual(new Date('2026-03-31T17:45:00Z'));
    expect(engagement.billingPlan).toMatchObject({ model: 'FIXED_FEE_MILESTONE', cadence: 'ON_MILESTONE', revenueTreatment: 'PERCENT_COMPLETE', paymentTermsDays: 30, taxNexus: 'US-NY', taxExempt: false, contractRateCardId: null });
    expect(engagement.billingPlan?.standardRateCard?.code).toBe('STD-USD');
    expect(engagement.milestones.map((m) => [m.ref, m.amount.toString(), m.dueDate?.toISOString().slice(0, 10), m.status])).toEqual([
      ['M1', '100000', '2026-05-31', 'PLANNED'],
      ['M2', '150000', '2026-09-30', 'PLANNED'],
    ]);

    const quote = await db().quote.findUniqueOrThrow({ where: { id: engagement.quoteId! }, include: { versions: { include: { lines: true } }, client: true } });
    expect(quote).toMatchObject({ status: 'ACCEPTED', currentVersion: 3, correlationId: 'corr-ff-1' });
    expect(quote.versions[0]).toMatchObject({ version: 3, status: 'ACCEPTED', billingModel: 'FIXED_FEE_MILESTONE', rateCardCode: 'STD-USD' });
    expect(quote.versions[0]!.lines.map((l) => [l.sku, l.amount.toString()])).toEqual([['FF-TRANSFORM', '250000']]);
    expect(quote.versions[0]!.milestones).toHaveLength(2);
    expect(quote.client).toMatchObject({ name: 'Acme Holdings', sourceSystem: crm.code, externalId: data.client.externalId, parentId: null });
    expect(await db().externalRef.findUnique({ where: { system_entityType_externalId: { system: crm.code, entityType: 'Quote', externalId: data.quoteId } } })).toMatchObject({ entityId: quote.id });

    const sow = await db().sowVersion.findMany({ where: { contractId: engagement.contractId! } });
    expect(sow).toHaveLength(1);
    expect(sow[0]).toMatchObject({ version: 1, quoteVersionId: quote.versions[0]!.id, supersededAt: null });
    expect(sow[0]!.billingPlanSnapshot).toMatchObject({ version: 1, contractValue: '250000', milestones: [{ ref: 'M1' }, { ref: 'M2' }] });

    const audits = await db().auditRecord.findMany({ where: { eventId: event.inboxEventId }, orderBy: { action: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['billing_plan.created', 'client.created', 'contract.created', 'engagement.created', 'quote.accepted']);
    expect(audits.every((a) => a.correlationId === 'corr-ff-1' && a.actorType === 'CONNECTOR' && a.actorId === crm.connectorId)).toBe(true);

    const lineage = await db().lineageLink.findMany({ where: { correlationId: 'corr-ff-1' } });
    const edges = lineage.map((l) => `${l.fromType}-${l.relation}->${l.toType}`).sort();
    expect(edges).toEqual([
      'BillingPlan-CONTAINS->Milestone',
      'BillingPlan-CONTAINS->Milestone',
      'Contract-HAS_VERSION->SowVersion',
      'Contract-ORIGINATED->Engagement',
      'Engagement-CONTAINS->BillingPlan',
      'Quote-HAS_VERSION->QuoteVersion',
      'QuoteVersion-ORIGINATED->Client',
      'QuoteVersion-ORIGINATED->Contract',
      'QuoteVersion-ORIGINATED->SowVersion',
    ]);
    expect(lineage.every((l) => l.eventId === event.inboxEventId)).toBe(true);

    const commands = await db().outboxCommand.findMany({ where: { correlationId: 'corr-ff-1' }, include: { connector: true }, orderBy: { createdAt: 'asc' } });
    expect(commands.map((c) => [c.connector.code, c.kind, c.idempotencyKey])).toEqual([
      ['erp', 'CREATE_CUSTOMER', `erp:create-customer:${engagement.clientId}`],
      ['erp', 'CREATE_PROJECT', `erp:create-project:${engagement.id}`],
      ['psa', 'CREATE_PROJECT', `psa:create-project:${engagement.id}`],
    ]);
    expect(commands[0]!.createdAt < commands[1]!.createdAt).toBe(true);
    expect(commands[0]!.orderingKey).toBe(commands[1]!.orderingKey);
    expect(commands.every((c) => c.status === 'PENDING' && c.causedByEventId === event.inboxEventId && c.heldAmount?.toString() === '250000')).toBe(true);
    expect(commands[1]!.payload).toMatchObject({ engagementCode: engagement.code, contractValue: '250000', billingModel: 'FIXED_FEE_MILESTONE', quote: { externalId: data.quoteId, version: 3 } });
  });

  it('a replay of the same event changes nothing and writes nothing', async () => {
    const data = quoteData();
    const { event } = await accept(data);
    const before = await rowCounts();
    expect(await handle(quoteAcceptedWorkflow, event, crm)).toEqual({ status: 'applied', note: `Quote ${data.quoteId} v3 is already applied; nothing to do.` });
    expect(await rowCounts()).toEqual(before);
  });

  it('an older version after a newer one is superseded, not applied', async () => {
    const data = quoteData();
    await accept(data);
    const before = await rowCounts();
    expect(await accept({ ...data, quoteVersion: 2 }).then((r) => r.outcome)).toMatchObject({ status: 'ignored', note: expect.stringMatching(/v2 is older than the applied v3/) });
    expect(await rowCounts()).toEqual(before);
  });

  it('two transactions accepting the same quote version at once create one engagement', async () => {
    const data = quoteData();
    const events = await Promise.all([storedEvent(QUOTE_ACCEPTED_V1, crm, data), storedEvent(QUOTE_ACCEPTED_V1, crm, data)]);
    const outcomes = await Promise.all(events.map((event) => handle(quoteAcceptedWorkflow, event, crm)));
    expect(outcomes.map((o) => o && o.note?.startsWith('Engagement')).sort()).toEqual([false, true]);
    const quote = await db().quote.findUniqueOrThrow({ where: { sourceSystem_externalId: { sourceSystem: crm.code, externalId: data.quoteId } } });
    expect(await db().engagement.count({ where: { quoteId: quote.id } })).toBe(1);
    expect(await db().client.count({ where: { externalId: data.client.externalId } })).toBe(1);
    expect(await db().outboxCommand.count({ where: { correlationId: quote.correlationId } })).toBe(3);
  });

  it('a correlation id that already has an engagement is not reused; an existing client gets no second CREATE_CUSTOMER', async () => {
    const first = quoteData();
    await accept(first, 'corr-shared');
    const second = quoteData({ client: first.client });
    const { outcome } = await accept(second, 'corr-shared');
    expect(outcome).toMatchObject({ note: expect.stringMatching(/Correlation id corr-shared belongs to ENG-US01-\d+; a new one was assigned\./) });
    const engagement = await engagementOfQuote(crm.code, second.quoteId);
    expect(engagement.correlationId).not.toBe('corr-shared');
    const kinds = await db().outboxCommand.findMany({ where: { correlationId: engagement.correlationId }, select: { kind: true } });
    expect(kinds.map((k) => k.kind).sort()).toEqual(['CREATE_PROJECT', 'CREATE_PROJECT']);
  });
});

describe('q2c.quote.accepted.v1: time and materials and retainer', () => {
  it('T&M: weekly, as delivered, a contract rate card from the role lines, list rates for a role quoted at 0', async () => {
    const data = tmQuote();
    await accept(data);
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect(engagement.billingPlan).toMatchObject({ model: 'TIME_AND_MATERIALS', cadence: 'WEEKLY', revenueTreatment: 'AS_DELIVERED' });
    // 20 × 700 + 80 × 450 + 120.5 × 0
    expect([engagement.value.toString(), engagement.budgetHours?.toString()]).toEqual(['50000', '220.5']);
    const card = engagement.billingPlan!.contractRateCard!;
    expect(card).toMatchObject({ code: `${engagement.code}-RATES`, kind: 'CONTRACT', currency: 'USD' });
    const roles = await db().serviceRole.findMany();
    const roleCode = (id: string) => roles.find((r) => r.id === id)!.code;
    expect(card.lines.map((l) => [roleCode(l.serviceRoleId), l.rate.toString(), l.effectiveFrom.toISOString().slice(0, 10)]).sort()).toEqual([
      ['MANAGER', '450', '2026-03-31'],
      ['PARTNER', '700', '2026-03-31'],
    ]);
    expect(engagement.billingPlan!.standardRateCard?.code).toBe('STD-USD');
    expect(engagement.milestones).toEqual([]);
  });

  it('retainer: monthly, ratable, the retainer terms, contract value = fee × months, in GBP for GB01', async () => {
    const data = retainerQuote();
    await accept(data);
    const engagement = await engagementOfQuote(crm.code, data.quoteId);
    expect(engagement.code).toMatch(/^ENG-GB01-\d{4}$/);
    expect(engagement.currency).toBe('GBP');
    expect(engagement.value.toString()).toBe('96000');
    const plan = engagement.billingPlan!;
    expect(plan).toMatchObject({ model: 'RETAINER_WITH_OVERAGE', cadence: 'MONTHLY', revenueTreatment: 'RATABLE', retainerMonths: 12, taxNexus: 'GB' });
    expect([plan.retainerMonthlyFee?.toString(), plan.retainerIncludedUnits?.toString(), plan.retainerOverageRate?.toString()]).toEqual(['8000', '1000', '4.5']);
    expect(plan.retainerStartMonth).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(plan.standardRateCard?.code).toBe('STD-GBP');
  });

  it('engagement codes count up per legal entity', async () => {
    const a = quoteData({ client: { externalId: 'IN-1', name: 'India Co', legalEntityCode: 'IN01' }, currency: 'INR', rateCardCode: 'STD-INR', taxProfile: { nexus: 'IN', exempt: false } });
    const b = quoteData({ client: { externalId: 'IN-2', name: 'India Co 2', legalEntityCode: 'IN01' }, currency: 'INR', rateCardCode: 'STD-INR', taxProfile: { nexus: 'IN', exempt: false } });
    await accept(a);
    await accept(b);
    const codes = [(await engagementOfQuote(crm.code, a.quoteId)).code, (await engagementOfQuote(crm.code, b.quoteId)).code];
    expect(codes).toEqual(['ENG-IN01-0001', 'ENG-IN01-0002']);
  });
});
