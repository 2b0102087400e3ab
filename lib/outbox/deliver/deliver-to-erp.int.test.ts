// Outbox delivery end to end (DESIGN.md §6), real HTTP both ways and a real PostgreSQL:
// Threadline's worker code delivers POST_INVOICE to the simulated ERP, which confirms it
// with q2c.invoice.posted.v1 sent to Threadline's ingest endpoint, and the workflow marks
// the invoice POSTED. Faults come from the simulator's knobs: an outage, a lost response
// after the ERP committed, errors until the dead letter, a refused document.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { POST as actionRoute } from '@/app/api/v1/exceptions/[id]/actions/route';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { renderMetrics } from '../../queries/metrics/render-metrics.ts';
import { performExceptionAction } from '../../services/exceptions/perform-exception-action.ts';
import { startErpSimulator, type RunningErp } from '../../../simulators/erp/server.ts';
import { createEngagement } from '../../../test/fixtures/billing.ts';
import { createInvoice } from '../../../test/fixtures/q2c-billing.ts';
import { deliverUntil, fastDelivery, processInbox, simulatorToken, startIngestServer, targetConnector } from '../../../test/support/outbox.ts';
import { enqueueCommand } from '../enqueue-command.ts';

let erp: RunningErp;
let ingest: Awaited<ReturnType<typeof startIngestServer>>;

beforeAll(async () => {
  ingest = await startIngestServer();
  const token = simulatorToken();
  // The ERP needs its connector's credentials to send events, and the connector needs the ERP's URL.
  const placeholder = await startErpSimulator({ port: 0, token });
  const connector = await targetConnector({ code: 'erp', kind: 'ERP', endpoint: placeholder.url, token });
  await placeholder.stop();
  erp = await startErpSimulator({ port: placeholder.port, token, events: { ingestUrl: ingest.url, token: connector.token, signingSecret: connector.signingSecret ?? undefined, source: '/test/erp' } });
});
afterAll(async () => {
  await erp?.stop();
  await ingest?.stop();
});

async function issuedInvoice(total = '1250.00') {
  const engagement = await createEngagement();
  const invoice = await createInvoice({ engagement, status: 'ISSUED', subtotal: total, total, lines: [{ kind: 'TIME', amount: total }] });
  const command = await db().$transaction((tx) =>
    enqueueCommand(tx, {
      connectorCode: 'erp',
      kind: 'POST_INVOICE',
      idempotencyKey: `erp:post-invoice:${invoice.id}`,
      heldAmount: { amount: total, currency: 'USD' },
      correlationId: engagement.correlationId,
      entityType: 'Invoice',
      entityId: invoice.id,
      payload: {
        invoiceId: invoice.id,
        number: invoice.number!,
        engagementId: engagement.id,
        engagementCode: engagement.code,
        correlationId: engagement.correlationId,
        client: { id: engagement.client.id, name: engagement.client.name },
        legalEntityCode: 'US01',
        currency: 'USD',
        issueDate: '2026-04-06',
        dueDate: '2026-05-06',
        accountingPeriod: '2026-04',
        latePosting: false,
        subtotal: total,
        taxTotal: '0.00',
        total,
        lines: [{ lineNo: 1, kind: 'TIME', description: 'Advisory', sku: 'ADV-SENIOR', quantity: '1', unitPrice: total, amount: total, taxCode: null, taxRate: null, taxAmount: '0.00', servicePeriodStart: null, servicePeriodEnd: null, creditedLineId: null }],
        billingPeriodKey: null,
      },
    }),
  );
  return { invoice, commandId: command.id };
}

const commandOf = (id: string) => db().outboxCommand.findUniqueOrThrow({ where: { id }, include: { attemptLog: { orderBy: { attemptNo: 'asc' } } } });
const statusIs = (id: string, status: string) => async () => (await commandOf(id)).status === status;
const documentsOf = (invoiceId: string) => [...erp.ledger.documents.values()].filter((d) => d.invoiceId === invoiceId);

describe('an ERP outage during invoice posting', () => {
  it('loses nothing: retried with backoff, delivered after recovery, posted once, confirmed by the ERP', async () => {
    erp.setFaults({ outage: true });
    const { invoice, commandId } = await issuedInvoice('1250.00');
    await deliverUntil(async () => (await commandOf(commandId)).attempts >= 3, { settings: { ...fastDelivery, maxAttempts: 50 } });

    const during = await commandOf(commandId);
    expect(during).toMatchObject({ status: 'PENDING', deliveredAt: null });
    expect(during.attemptLog.map((a) => [a.outcome, a.httpStatus])).toEqual(during.attemptLog.map(() => ['RETRYABLE_ERROR', 503]));
    expect(during.lastError).toMatch(/HTTP 503 UNAVAILABLE/);
    expect(documentsOf(invoice.id)).toHaveLength(0);

    erp.setFaults({ outage: false });
    await deliverUntil(statusIs(commandId, 'DELIVERED'), { settings: { ...fastDelivery, maxAttempts: 50 } });
    const delivered = await commandOf(commandId);
    expect(delivered.attemptLog.at(-1)).toMatchObject({ outcome: 'SUCCESS', httpStatus: 201, attemptNo: delivered.attempts });
    const [document] = documentsOf(invoice.id);
    expect(documentsOf(invoice.id)).toHaveLength(1);
    expect(delivered.response).toMatchObject({ erpInvoiceNumber: document!.erpInvoiceNumber, status: 'POSTED' });

    // The ERP's confirmation comes back as an event over HTTP and completes the invoice.
    await erp.emitter.flush();
    await processInbox();
    const posted = await db().invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(posted).toMatchObject({ status: 'POSTED', erpInvoiceNumber: document!.erpInvoiceNumber });
  });
});

describe('a lost response after the ERP committed', () => {
  it('is retried with the same idempotency key and recognised: one document, the stored answer replayed', async () => {
    const { invoice, commandId } = await issuedInvoice('980.40');
    const before = erp.stats();
    erp.setFaults({ lostResponseRate: 1 });
    await deliverUntil(async () => (await commandOf(commandId)).attempts >= 1);
    const lost = await commandOf(commandId);
    expect(lost.status).toBe('PENDING');
    expect(lost.attemptLog[0]).toMatchObject({ outcome: 'RETRYABLE_ERROR', httpStatus: null });
    expect(documentsOf(invoice.id)).toHaveLength(1); // the ERP did post it

    erp.setFaults({ lostResponseRate: 0 });
    await deliverUntil(statusIs(commandId, 'DELIVERED'));
    expect(documentsOf(invoice.id)).toHaveLength(1);
    expect(erp.ledger.duplicateRefusals).toBe(0);
    expect(erp.stats().replayed - before.replayed).toBeGreaterThanOrEqual(1);
    expect((await commandOf(commandId)).response).toMatchObject({ erpInvoiceNumber: documentsOf(invoice.id)[0]!.erpInvoiceNumber });
  });
});

describe('a dead letter', () => {
  it('raises CONNECTOR_DELIVERY_FAILED with the held amount, and a replay from triage delivers it', async () => {
    erp.setFaults({ errorRate: 1 });
    const { invoice, commandId } = await issuedInvoice('4321.09');
    await deliverUntil(statusIs(commandId, 'DEAD'), { settings: { ...fastDelivery, maxAttempts: 3 } });
    const dead = await commandOf(commandId);
    expect(dead).toMatchObject({ attempts: 3, failures: 3 });
    expect(dead.deadAt).not.toBeNull();
    const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'CONNECTOR_DELIVERY_FAILED', entityType: 'OutboxCommand', entityId: commandId } } });
    expect(exception).toMatchObject({ status: 'OPEN', recoverability: 'TRANSIENT', ownerTeam: 'INTEGRATION_OPS', impactCurrency: 'USD', correlationId: dead.correlationId });
    expect(exception.impactAmount?.toString()).toBe('4321.09');
    expect(exception.financialImpact.toString()).toBe('4321.09');
    expect(exception.details).toMatchObject({ kind: 'POST_INVOICE', connector: 'erp', reason: 'attempts-exhausted', about: { entityType: 'Invoice', entityId: invoice.id } });

    erp.setFaults({ errorRate: 0 });
    // Retried from triage through the operations API, as a person in integration ops does it.
    const ops = await createPerson('INTEGRATION_OPS');
    const response = await actionRoute(
      new Request(`http://localhost/api/v1/exceptions/${exception.id}/actions`, { method: 'POST', headers: { ...ops.bearer, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'replay' }) }),
      { params: Promise.resolve({ id: exception.id }) },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { action: { requeuedCommandIds?: string[] } }).action.requeuedCommandIds).toEqual([commandId]);
    expect(await commandOf(commandId)).toMatchObject({ status: 'PENDING', failures: 0, deadAt: null });
    // Replaying again while it waits changes nothing.
    expect((await performExceptionAction({ exceptionId: exception.id, action: 'replay', actor: { userId: randomUUID(), role: 'INTEGRATION_OPS' }, now: new Date() })).requeuedCommandIds).toBeUndefined();

    await deliverUntil(statusIs(commandId, 'DELIVERED'), { settings: { ...fastDelivery, maxAttempts: 3 } });
    expect((await commandOf(commandId)).attempts).toBe(4);
    expect(documentsOf(invoice.id)).toHaveLength(1);
    expect(await db().exception.findUniqueOrThrow({ where: { id: exception.id } })).toMatchObject({ status: 'RESOLVED' });

    const metrics = await renderMetrics();
    expect(metrics).toMatch(/^threadline_outbox_attempts\{connector="erp",outcome="RETRYABLE_ERROR"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^threadline_outbox_attempts\{connector="erp",outcome="SUCCESS"\} [1-9]\d*$/m);
  });

  it('is immediate for a refusal (4xx): repeating it could not succeed', async () => {
    const engagement = await createEngagement();
    const invoiceId = randomUUID();
    const { id } = await db().$transaction((tx) =>
      enqueueCommand(tx, {
        connectorCode: 'erp',
        kind: 'VOID_INVOICE',
        idempotencyKey: `erp:void-invoice:${invoiceId}`,
        payload: { invoiceId, number: 'T-INV-404', erpInvoiceNumber: null, engagementId: engagement.id, correlationId: engagement.correlationId, legalEntityCode: 'US01', reason: 'Issued twice', voidedOn: '2026-04-07' },
      }),
    );
    await deliverUntil(statusIs(id, 'DEAD'));
    const dead = await commandOf(id);
    expect(dead.attemptLog.map((a) => [a.outcome, a.httpStatus])).toEqual([['PERMANENT_ERROR', 422]]);
    expect(dead.lastError).toMatch(/UNKNOWN_DOCUMENT/);
    const exception = await db().exception.findUniqueOrThrow({ where: { code_entityType_entityId: { code: 'CONNECTOR_DELIVERY_FAILED', entityType: 'OutboxCommand', entityId: id } } });
    expect(exception.details).toMatchObject({ reason: 'permanent', kind: 'VOID_INVOICE' });
    expect(exception.financialImpact.toString()).toBe('0');
  });
});
