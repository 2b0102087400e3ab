// Corrections from triage end to end (DESIGN.md §6-§7): POST /api/v1/exceptions/{id}/actions
// with personal API tokens, a real PostgreSQL, and the simulated ERP, PSA and CRM over real
// HTTP as the owning systems. A dry run answers the diff and writes nothing; a correction
// that moves no money is enqueued and delivered (the PSA closes the project); one that moves
// money waits for FINANCE, is delivered once approved, or dropped when rejected.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as actionRoute } from '@/app/api/v1/exceptions/[id]/actions/route';
import { db } from '../db/client.ts';
import type { EntityType, ExceptionCode } from '../db/generated/enums.ts';
import type { CorrectionView } from '../services/corrections/correction-record.ts';
import { raiseException } from '../services/exceptions/raise-exception.ts';
import { startCrmSimulator, type RunningCrm } from '../../simulators/crm/server.ts';
import { startErpSimulator, type RunningErp } from '../../simulators/erp/server.ts';
import { startPsaSimulator, type RunningPsa } from '../../simulators/psa/server.ts';
import { createPerson } from '../../test/fixtures/exceptions.ts';
import { deliverUntil, simulatorToken, targetConnector } from '../../test/support/outbox.ts';

const tokens = { erp: simulatorToken(), psa: simulatorToken(), crm: simulatorToken() };
let erp: RunningErp;
let psa: RunningPsa;
let crm: RunningCrm;

beforeAll(async () => {
  erp = await startErpSimulator({ port: 0, token: tokens.erp });
  psa = await startPsaSimulator({ port: 0, token: tokens.psa });
  crm = await startCrmSimulator({ port: 0, token: tokens.crm });
  await targetConnector({ code: 'erp', kind: 'ERP', endpoint: erp.url, token: tokens.erp });
  await targetConnector({ code: 'psa', kind: 'PSA', endpoint: psa.url, token: tokens.psa });
  await targetConnector({ code: 'crm', kind: 'CRM', endpoint: crm.url, token: tokens.crm });
});
afterAll(async () => {
  await Promise.all([erp?.stop(), psa?.stop(), crm?.stop()]);
});

const now = new Date('2026-05-04T10:00:00Z');
/** The action answer, or a problem+json (detail, errors). */
interface Answer {
  action: { id: string | null; alreadyDone: boolean };
  correction: CorrectionView;
  exception: { status: string };
  detail?: string;
  errors?: unknown[];
}
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

async function act(id: string, bearer: Record<string, string>, body: Record<string, unknown>) {
  const response = await actionRoute(
    new Request(`http://localhost/api/v1/exceptions/${id}/actions`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    withId(id),
  );
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Answer };
}

async function raise(code: ExceptionCode, entityType: EntityType, entityId: string, details: Record<string, unknown>, impact?: { amount: string; currency: string }) {
  return db().$transaction((tx) =>
    raiseException(tx, { code, entityType, entityId, correlationId: `corr-${entityId}`, details, impact: impact ? { ...impact, date: now } : null, raisedBy: 'test', now }),
  );
}

async function simulator(url: string, token: string, path: string, body: unknown) {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBeLessThan(300);
}

const commandsOf = (exceptionId: string) => db().outboxCommand.findMany({ where: { kind: 'PUSH_CORRECTION', payload: { path: ['exceptionId'], equals: exceptionId } } });
const delivered = async (exceptionId: string, count: number) => (await commandsOf(exceptionId)).filter((c) => c.status === 'DELIVERED').length === count;

describe('push-correction without money: dry run, push, delivered to the PSA', () => {
  it('previews the diff without writing, enqueues once, and the PSA closes the project', async () => {
    const engagementId = randomUUID();
    await simulator(psa.url, tokens.psa, '/v1/projects', { engagementId, engagementCode: 'ENG-ORPH-1', correlationId: 'c', name: 'Orphan' });
    const psaProjectId = psa.projects.get(engagementId)!.projectId;
    const exception = await raise('ORPHANED_PROJECT', 'Engagement', engagementId, {
      engagementCode: 'ENG-ORPH-1',
      psaProjectId,
      erpProjectId: null,
      systems: ['PSA'],
      reconciliation: { job: 'orphaned-projects', kind: 'PROJECT_WITHOUT_CONTRACT', asOf: now.toISOString() },
    });
    const ops = await createPerson('INTEGRATION_OPS');
    const actionsBefore = await db().exceptionAction.count({ where: { exceptionId: exception.id } });

    const preview = await act(exception.id, ops.bearer, { action: 'push-correction', dryRun: true });
    expect(preview.status).toBe(200);
    expect(preview.body.correction).toMatchObject({
      status: 'PREVIEW',
      actionId: null,
      movesMoney: false,
      amount: null,
      diff: [{ system: 'PSA', connector: 'psa', recordType: 'Project', recordId: engagementId, externalId: psaProjectId, field: 'status', current: 'ACTIVE', corrected: 'CLOSED' }],
      commandIds: [],
    });
    expect(await commandsOf(exception.id)).toHaveLength(0);
    expect(await db().exceptionAction.count({ where: { exceptionId: exception.id } })).toBe(actionsBefore);

    const pushed = await act(exception.id, ops.bearer, { action: 'push-correction', note: 'Contract terminated; close it in the PSA' });
    expect(pushed.status).toBe(200);
    expect(pushed.body.correction).toMatchObject({ status: 'ENQUEUED', movesMoney: false });
    expect(pushed.body.action).toMatchObject({ alreadyDone: false });
    const again = await act(exception.id, ops.bearer, { action: 'push-correction' });
    expect(again.body.action).toMatchObject({ alreadyDone: true });
    const commands = await commandsOf(exception.id);
    expect(commands).toHaveLength(1);
    expect(pushed.body.correction.commandIds).toEqual([commands[0]!.id]);

    await deliverUntil(() => delivered(exception.id, 1));
    expect(psa.projects.get(engagementId)!.status).toBe('CLOSED');
    expect(psa.corrections).toHaveLength(1);
    const audit = await db().auditRecord.findMany({ where: { entityId: exception.id, action: { startsWith: 'exception.correction' } } });
    expect(audit.map((a) => a.action)).toEqual(['exception.correction-pushed']);
    expect(audit[0]!.after).toMatchObject({ movesMoney: false, diff: [{ field: 'status', corrected: 'CLOSED' }] });
  });
});

describe('push-correction that moves money: FINANCE approves or rejects', () => {
  it('waits as PENDING_APPROVAL, nothing in the outbox; FINANCE approves; the ERP contract is corrected once', async () => {
    const engagementId = randomUUID();
    await simulator(erp.url, tokens.erp, '/v1/contracts', { engagementId, sowVersion: 1, contractValue: '100000.00', currency: 'EUR' });
    const exception = await raise(
      'QUOTE_CONTRACT_VALUE_MISMATCH',
      'Contract',
      randomUUID(),
      {
        engagementId,
        engagementCode: 'ENG-VAL-1',
        contractNumber: 'C-VAL-1',
        expected: '120000.00',
        currency: 'EUR',
        differences: [{ figure: 'contract', value: '100000', difference: '-20000' }],
        reconciliation: { job: 'quote-contract-value', kind: 'VALUE', asOf: now.toISOString() },
      },
      { amount: '20000.00', currency: 'EUR' },
    );
    const ops = await createPerson('INTEGRATION_OPS');
    const finance = await createPerson('FINANCE');

    const preview = await act(exception.id, ops.bearer, { action: 'push-correction', dryRun: true });
    expect(preview.body.correction).toMatchObject({
      movesMoney: true,
      amount: { amount: '20000.00', currency: 'EUR' },
      diff: [{ system: 'ERP', connector: 'erp', recordType: 'Contract', recordId: engagementId, field: 'contractValue', current: '100000', corrected: '120000.00' }],
    });
    const proposed = await act(exception.id, ops.bearer, { action: 'push-correction' });
    expect(proposed.body.correction).toMatchObject({ status: 'PENDING_APPROVAL', commandIds: [] });
    expect((await act(exception.id, ops.bearer, { action: 'push-correction' })).body.action).toMatchObject({ alreadyDone: true, id: proposed.body.correction.actionId });
    expect(await commandsOf(exception.id)).toHaveLength(0);
    const pending = await db().exceptionAction.findUniqueOrThrow({ where: { id: proposed.body.correction.actionId! } });
    expect(pending).toMatchObject({ kind: 'PUSH_CORRECTION', approvalStatus: 'PENDING', actorId: ops.user.id });

    // Integration ops cannot approve it; neither can people without the permission.
    for (const role of ['INTEGRATION_OPS', 'EXECUTIVE', 'DELIVERY'] as const) {
      const person = role === 'INTEGRATION_OPS' ? ops : await createPerson(role);
      const refused = await act(exception.id, person.bearer, { action: 'approve' });
      expect(refused.status).toBe(403);
      expect(refused.type).toBe('application/problem+json');
    }

    const approved = await act(exception.id, finance.bearer, { action: 'approve', note: 'Signed change order on file' });
    expect(approved.status).toBe(200);
    expect(approved.body.correction).toMatchObject({ status: 'ENQUEUED', movesMoney: true });
    const commands = await commandsOf(exception.id);
    expect(commands).toHaveLength(1);
    // Amounts travel as exact decimal strings, normalised by the command schema.
    expect(commands[0]!.payload).toMatchObject({ approvedBy: finance.user.id, amount: { amount: '20000', currency: 'EUR' } });
    expect(commands[0]!.heldAmount?.toString()).toBe('20000');
    expect(await db().exceptionAction.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ approvalStatus: 'APPROVED', decidedById: finance.user.id, outboxCommandId: commands[0]!.id });
    // Pushing the approved correction again enqueues nothing.
    expect((await act(exception.id, ops.bearer, { action: 'push-correction' })).body.action).toMatchObject({ alreadyDone: true });
    expect(await commandsOf(exception.id)).toHaveLength(1);

    await deliverUntil(() => delivered(exception.id, 1));
    expect(erp.ledger.contracts.get(engagementId)!.contractValue).toBe('120000.00');
    expect(erp.ledger.corrections).toHaveLength(1);
    const audit = await db().auditRecord.findMany({ where: { entityId: exception.id, action: { startsWith: 'exception.correction' } }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['exception.correction-proposed', ops.user.id],
      ['exception.correction-approved', finance.user.id],
    ]);
  });

  it('rejected: dropped, nothing reaches the CRM; the exception stays open', async () => {
    const quoteId = `Q-${randomUUID().slice(0, 8)}`;
    await simulator(crm.url, tokens.crm, '/v1/quotes', { quoteId, client: { externalId: 'ACC-1', name: 'Acme', legalEntityCode: 'DE01' }, currency: 'JPY' });
    const exception = await raise(
      'CURRENCY_MISMATCH',
      'Quote',
      quoteId,
      { quoteId, quoteVersion: 1, currency: 'JPY', legalEntityCode: 'DE01', baseCurrency: 'EUR' },
      { amount: '5000000', currency: 'JPY' },
    );
    const ops = await createPerson('INTEGRATION_OPS');
    const finance = await createPerson('FINANCE');
    const proposed = await act(exception.id, ops.bearer, { action: 'push-correction' });
    expect(proposed.body.correction).toMatchObject({ status: 'PENDING_APPROVAL', amount: { amount: '5000000', currency: 'JPY' }, diff: [{ system: 'CRM', field: 'currency', current: 'JPY', corrected: 'EUR' }] });

    const rejected = await act(exception.id, finance.bearer, { action: 'reject', note: 'The client pays in JPY; add a JPY price list instead' });
    expect(rejected.body.correction).toMatchObject({ status: 'REJECTED', commandIds: [] });
    expect(rejected.body.exception.status).toBe('OPEN');
    expect(await commandsOf(exception.id)).toHaveLength(0);
    expect(await db().exceptionAction.findUniqueOrThrow({ where: { id: proposed.body.correction.actionId! } })).toMatchObject({ approvalStatus: 'REJECTED', decidedById: finance.user.id });
    expect(crm.quotes.get(quoteId)!.data).toMatchObject({ currency: 'JPY' });
    // Nothing is pending any more: approving now is no correction decision (and no DECISION code).
    expect((await act(exception.id, finance.bearer, { action: 'approve' })).status).toBe(422);
  });
});

describe('push-correction refusals', () => {
  it('403 for executive and delivery, 422 for codes fixed elsewhere, 400 pointer /value when the value is needed', async () => {
    const exception = await raise('INVALID_LEGAL_ENTITY', 'Quote', `q-${randomUUID()}`, { quoteId: 'Q-LE-1', legalEntityCode: 'XX99' });
    for (const role of ['EXECUTIVE', 'DELIVERY'] as const) {
      const person = await createPerson(role);
      const refused = await act(exception.id, person.bearer, { action: 'push-correction', dryRun: true });
      expect(refused.status).toBe(403);
      expect(refused.type).toBe('application/problem+json');
    }
    const ops = await createPerson('INTEGRATION_OPS');
    const needsValue = await act(exception.id, ops.bearer, { action: 'push-correction', dryRun: true });
    expect(needsValue.status).toBe(400);
    expect(needsValue.body.errors).toEqual([expect.objectContaining({ pointer: '/value' })]);
    const preview = await act(exception.id, ops.bearer, { action: 'push-correction', dryRun: true, value: 'GB01' });
    expect(preview.body.correction.diff).toEqual([expect.objectContaining({ system: 'CRM', field: 'client.legalEntityCode', current: 'XX99', corrected: 'GB01' })]);

    const conflict = await raise('PAYLOAD_CONFLICT', 'InboxEvent', randomUUID(), {});
    const unprocessable = await act(conflict.id, ops.bearer, { action: 'push-correction', dryRun: true });
    expect(unprocessable.status).toBe(422);
    expect(unprocessable.body.detail).toMatch(/new id/);
  });
});
