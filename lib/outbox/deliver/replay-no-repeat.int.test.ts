// Replay never repeats a side effect (DESIGN.md §6): an accepted quote's commands are
// delivered to the simulated ERP and PSA; the same inbox event is then replayed from
// triage (put back to the inbox through an exception's replay action) and processed again
// with the current rules. Nothing new reaches the outbox, the delivered commands are not
// sent again, and the ERP and PSA still hold one customer and one project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createConnector, type CreatedConnector } from '../../services/connectors/create-connector.ts';
import { performExceptionAction } from '../../services/exceptions/perform-exception-action.ts';
import { raiseException } from '../../services/exceptions/raise-exception.ts';
import { startErpSimulator, type RunningErp } from '../../../simulators/erp/server.ts';
import { startPsaSimulator, type RunningPsa } from '../../../simulators/psa/server.ts';
import { engagementOfQuote, quoteData } from '../../../test/fixtures/commercial.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { deliverUntil, processInbox, sendQuoteAccepted, simulatorToken, startIngestServer, targetConnector } from '../../../test/support/outbox.ts';

let ingest: Awaited<ReturnType<typeof startIngestServer>>;
let erp: RunningErp;
let psa: RunningPsa;
let crm: CreatedConnector;
const tokens = { erp: simulatorToken(), psa: simulatorToken() };

beforeAll(async () => {
  ingest = await startIngestServer();
  crm = await createConnector({ code: 'crm', name: 'CRM', kind: 'CRM', sources: ['/test/crm'], withSigningSecret: true, actor: { type: 'SYSTEM', id: 'test' } });
  erp = await startErpSimulator({ port: 0, token: tokens.erp });
  psa = await startPsaSimulator({ port: 0, token: tokens.psa });
  await targetConnector({ code: 'erp', kind: 'ERP', endpoint: erp.url, token: tokens.erp });
  await targetConnector({ code: 'psa', kind: 'PSA', endpoint: psa.url, token: tokens.psa });
});
afterAll(async () => {
  await Promise.all([erp?.stop(), psa?.stop(), ingest?.stop()]);
});

describe('replaying an event whose commands were delivered', () => {
  it('enqueues nothing again and sends nothing again', async () => {
    const data = quoteData();
    expect(await sendQuoteAccepted(ingest.url, crm, data)).toBe(202);
    await processInbox();
    const shell = await engagementOfQuote('crm', data.quoteId);
    const commands = await db().outboxCommand.findMany({ where: { correlationId: shell.correlationId } });
    expect(commands).toHaveLength(3);
    await deliverUntil(async () => (await db().outboxCommand.count({ where: { id: { in: commands.map((c) => c.id) }, status: 'DELIVERED' } })) === 3);
    const attemptsBefore = await db().outboxAttempt.count({ where: { commandId: { in: commands.map((c) => c.id) } } });
    const handledBefore = { erp: erp.stats().handled, psa: psa.stats().handled };

    // Triage replays the event: it is linked to an exception and put back in the inbox.
    const inboxEvent = await db().inboxEvent.findFirstOrThrow({ where: { type: 'q2c.quote.accepted.v1', subject: data.quoteId } });
    await db().inboxEvent.update({ where: { id: inboxEvent.id }, data: { status: 'FAILED', lastError: 'simulated failure after commit' } });
    const exception = await db().$transaction((tx) =>
      raiseException(tx, { code: 'PROCESSING_FAILED', entityType: 'Quote', entityId: data.quoteId, inboxEventId: inboxEvent.id, now: new Date() }),
    );
    const ops = await createPerson('INTEGRATION_OPS');
    const replayed = await performExceptionAction({ exceptionId: exception.id, action: 'replay', actor: ops.actor, now: new Date() });
    expect(replayed.requeuedEventIds).toEqual([inboxEvent.id]);
    await processInbox();
    expect((await db().inboxEvent.findUniqueOrThrow({ where: { id: inboxEvent.id } })).status).toBe('PROCESSED');

    const after = await db().outboxCommand.findMany({ where: { correlationId: shell.correlationId } });
    expect(after.map((c) => [c.id, c.status]).sort()).toEqual(commands.map((c) => [c.id, 'DELIVERED']).sort());
    await deliverUntil(async () => true);
    expect(await db().outboxAttempt.count({ where: { commandId: { in: commands.map((c) => c.id) } } })).toBe(attemptsBefore);
    expect({ erp: erp.stats().handled, psa: psa.stats().handled }).toEqual(handledBefore);
    expect(erp.ledger.customers.size).toBe(1);
    expect(erp.ledger.projects.size).toBe(1);
    expect(psa.projects.size).toBe(1);
    expect(await db().engagement.count({ where: { correlationId: shell.correlationId } })).toBe(1);
  });
});
