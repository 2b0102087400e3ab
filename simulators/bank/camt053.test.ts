// The statement the bank simulator builds is read by Threadline's own camt parser and mapper
// as the credits it was built from: references, amounts (exact), payer, remittance.
import { describe, expect, it } from 'vitest';
import { mapCamtEntry } from '../../lib/ingest/native/camt/map-camt-entries.ts';
import { parseCamtXml } from '../../lib/ingest/native/camt/parse-camt-xml.ts';
import { camt053Xml, closingBalance, type BankCredit, type Statement } from './camt053.ts';

const credit = (overrides: Partial<BankCredit>): BankCredit => ({ accountServicerRef: 'SIMBANK-1', amount: '100.00', currency: 'EUR', debtorName: 'Acme', bookingDate: '2026-04-01', valueDate: '2026-04-02', ...overrides });
const statement = (credits: BankCredit[]): Statement => ({ messageId: 'MSG-1', statementId: 'STMT-1', sequence: 1, iban: 'DE89370400440532013000', currency: 'EUR', openingBalance: '0.10', createdAt: '2026-04-02T18:00:00Z', credits });

describe('camt053Xml', () => {
  it.each([
    { name: 'structured remittance', input: credit({ invoiceNumber: 'INV-7' }), expected: { remittance: [{ invoiceNumber: 'INV-7', amount: '100.00' }] } },
    { name: 'free text with XML characters', input: credit({ remittanceText: 'Fees <Q1> & "more"' }), expected: { remittanceText: 'Fees <Q1> & "more"' } },
    { name: 'an exact odd amount', input: credit({ amount: '0.30', debtorName: 'Zoë & Co' }), expected: { amount: '0.30', payer: { name: 'Zoë & Co' } } },
  ])('$name survives the round trip through the parser and mapper', ({ input, expected }) => {
    const document = parseCamtXml(camt053Xml(statement([input])));
    expect(document).toMatchObject({ kind: 'camt.053', messageId: 'MSG-1' });
    const mapped = mapCamtEntry(document.entries[0]!, '/test/bank', new Date());
    if (mapped.kind !== 'event') throw new Error(`skipped: ${mapped.reason}`);
    const event = mapped.event as { id: string; data: Record<string, unknown> };
    expect(event.id).toBe('acctsvcr:SIMBANK-1');
    expect(event.data).toMatchObject({ currency: 'EUR', receivedAt: '2026-04-02T00:00:00Z', bankAccount: 'DE89370400440532013000', ...expected });
  });

  it('closing balance = opening + credits, exactly', () => {
    expect(closingBalance(statement([credit({ amount: '0.10' }), credit({ amount: '0.20' })]))).toBe('0.40');
  });
});
