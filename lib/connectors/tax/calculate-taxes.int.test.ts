// Tax for many documents in one call to the simulated engine's batch endpoint: each
// document gets the outcome a single call would give it, a failed call fails them all.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTaxEngine, type RunningTaxEngine } from '../../../simulators/tax-engine/server.ts';
import type { OutboundTarget } from '../outbound-target.ts';
import { calculateTaxes, type TaxDocumentInput } from './calculate-taxes.ts';
import { TaxCalculationRejectedError, TaxEngineUnavailableError } from './errors.ts';

const token = 'engine-token-0123456789abcdef';
let engine: RunningTaxEngine;
let target: OutboundTarget;

const document = (documentId: string, nexus: string | null = 'US-HI', exempt = false): TaxDocumentInput => ({
  documentId,
  currency: 'USD',
  issueDate: '2026-04-06',
  seller: { legalEntityCode: 'US01', country: 'US' },
  buyer: { nexus, exempt },
  lines: [
    { lineId: `${documentId}-1`, amount: '1000.00', sku: 'ADV-SENIOR' },
    { lineId: `${documentId}-2`, amount: '12.35', sku: 'EXP-TRAVEL' },
  ],
});

beforeAll(async () => {
  engine = await startTaxEngine({ port: 0, token });
  target = { connectorId: 'c', code: 'tax', kind: 'TAX', baseUrl: new URL(`${engine.url}/`), token, allowPrivate: true };
});
afterEach(() => void engine.setFaults({ outage: false }));
afterAll(async () => engine.stop());

describe('calculateTaxes', () => {
  it('gives each document its own outcome, without a call for a buyer without nexus', async () => {
    const before = engine.stats().calculateRequests;
    const outcomes = await calculateTaxes([document('t-1'), document('t-2', 'US-ZZ'), document('t-3', null), document('t-4', 'US-HI', true)], { target });
    expect(engine.stats().calculateRequests - before).toBe(1);
    expect(outcomes[0]).toMatchObject({ ok: true, result: { documentId: 't-1', totalTax: '40.49', replayed: false, lines: [{ taxAmount: '40.00', taxCode: 'US-HI-STD' }, { taxAmount: '0.49' }] } });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { rejection: { code: 'UNKNOWN_JURISDICTION', status: 422 } } });
    expect(outcomes[1]!.ok === false && outcomes[1]!.error).toBeInstanceOf(TaxCalculationRejectedError);
    expect(outcomes[2]).toMatchObject({ ok: false, error: { rejection: { code: 'MISSING_NEXUS', status: null } } });
    expect(outcomes[3]).toMatchObject({ ok: true, result: { totalTax: '0.00', lines: [{ taxCode: 'US-HI-EXEMPT' }, { taxCode: 'US-HI-EXEMPT' }] } });

    // The same documents again: the engine's first answers.
    const again = await calculateTaxes([document('t-1')], { target });
    expect(again[0]).toMatchObject({ ok: true, result: { totalTax: '40.49', replayed: true } });
  });

  it('makes every document unavailable when the call fails', async () => {
    engine.setFaults({ outage: true });
    const outcomes = await calculateTaxes([document('t-5'), document('t-6'), document('t-7', null)], { target });
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error instanceof TaxEngineUnavailableError ? o.error.reason : o.error.rejection.code))).toEqual(['server-error', 'server-error', 'MISSING_NEXUS']);
  });
});
