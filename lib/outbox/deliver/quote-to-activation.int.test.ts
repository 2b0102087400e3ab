// From an accepted quote to an active engagement with every system over real HTTP: the CRM
// sends q2c.quote.accepted.v1 to the ingest endpoint; the workflow enqueues CREATE_CUSTOMER
// and CREATE_PROJECT; the worker's delivery sends them to the simulated ERP (which answers
// with its ids, linked in the crosswalk) and the simulated PSA (which answers 202 and then
// emits q2c.project.created.v1), and that event activates the engagement. The PSA's
// duplicate-delivery fault sends the event twice: it takes effect once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createConnector, type CreatedConnector } from '../../services/connectors/create-connector.ts';
import { startErpSimulator, type RunningErp } from '../../../simulators/erp/server.ts';
import { startPsaSimulator, type RunningPsa } from '../../../simulators/psa/server.ts';
import { engagementOfQuote, quoteData } from '../../../test/fixtures/commercial.ts';
import { deliverUntil, processInbox, sendQuoteAccepted, simulatorToken, startIngestServer, targetConnector } from '../../../test/support/outbox.ts';

let ingest: Awaited<ReturnType<typeof startIngestServer>>;
let erp: RunningErp;
let psa: RunningPsa;
let crm: CreatedConnector;

beforeAll(async () => {
  ingest = await startIngestServer();
  crm = await createConnector({ code: 'crm', name: 'CRM', kind: 'CRM', sources: ['/test/crm'], withSigningSecret: true, actor: { type: 'SYSTEM', id: 'test' } });
  const erpToken = simulatorToken();
  const psaToken = simulatorToken();
  // Ports first (the connectors need the URLs), then the simulators with their connectors' credentials.
  erp = await startErpSimulator({ port: 0, token: erpToken });
  psa = await startPsaSimulator({ port: 0, token: psaToken, faults: { duplicateRate: 1 } });
  const erpConnector = await targetConnector({ code: 'erp', kind: 'ERP', endpoint: erp.url, token: erpToken });
  const psaConnector = await targetConnector({ code: 'psa', kind: 'PSA', endpoint: psa.url, token: psaToken });
  const [erpPort, psaPort] = [erp.port, psa.port];
  await Promise.all([erp.stop(), psa.stop()]);
  erp = await startErpSimulator({ port: erpPort, token: erpToken, events: { ingestUrl: ingest.url, token: erpConnector.token, signingSecret: erpConnector.signingSecret ?? undefined, source: '/test/erp' } });
  psa = await startPsaSimulator({ port: psaPort, token: psaToken, faults: { duplicateRate: 1 }, events: { ingestUrl: ingest.url, token: psaConnector.token, signingSecret: psaConnector.signingSecret ?? undefined, source: '/test/psa' } });
});
afterAll(async () => {
  await erp?.stop();
  await psa?.stop();
  await ingest?.stop();
});

describe('quote accepted → ERP and PSA → engagement active', () => {
  it('creates the customer and the project in both systems, links their ids and activates the engagement once', async () => {
    const data = quoteData();
    expect(await sendQuoteAccepted(ingest.url, crm, data)).toBe(202);
    await processInbox();
    const shell = await engagementOfQuote('crm', data.quoteId);
    expect(shell.status).toBe('SHELL');
    const commands = await db().outboxCommand.findMany({ where: { correlationId: shell.correlationId }, include: { connector: { select: { code: true } } } });
    expect(commands.map((c) => `${c.connector.code}:${c.kind}`).sort()).toEqual(['erp:CREATE_CUSTOMER', 'erp:CREATE_PROJECT', 'psa:CREATE_PROJECT']);

    const ids = commands.map((c) => c.id);
    await deliverUntil(async () => (await db().outboxCommand.count({ where: { id: { in: ids }, status: 'DELIVERED' } })) === ids.length);
    await psa.emitter.flush();
    expect(psa.emitter.stats).toMatchObject({ emitted: 1, duplicatesSent: 1, delivered: 2 });
    await processInbox();

    const active = await db().engagement.findUniqueOrThrow({ where: { id: shell.id } });
    const psaProject = psa.projects.get(shell.id)!;
    const erpProject = erp.ledger.projects.get(shell.id)!;
    expect(active).toMatchObject({ status: 'ACTIVE', psaProjectId: psaProject.projectId, erpProjectId: erpProject.projectId });
    const refs = await db().externalRef.findMany({ where: { entityId: { in: [shell.id, shell.clientId] } }, select: { system: true, entityType: true, externalId: true } });
    expect(refs).toEqual(
      expect.arrayContaining([
        { system: 'erp', entityType: 'Client', externalId: erp.ledger.customers.get(shell.clientId)!.customerId },
        { system: 'erp', entityType: 'Engagement', externalId: erpProject.projectId },
        { system: 'psa', entityType: 'Engagement', externalId: psaProject.projectId },
      ]),
    );
    // The duplicate was recognised at ingest; the engagement was activated by one event.
    const received = await db().inboxEvent.findMany({ where: { type: 'q2c.project.created.v1', subject: shell.code } });
    expect(received).toHaveLength(1);
    expect(await db().auditRecord.count({ where: { entityId: shell.id, action: 'engagement.activated' } })).toBe(1);
  });
});
