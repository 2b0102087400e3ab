// Quote versus contract value on a real database, on contracts made by the real quote and
// change-order workflows: their figures agree (nothing found); a contract value that moved
// without a change order is a finding with the difference as impact; a repeat run counts;
// putting it right clears it.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { changeOrderData, commercialConnectors, engagementOfQuote, handle, quoteData, storedEvent } from '../../../test/fixtures/commercial.ts';
import { CHANGE_ORDER_APPROVED_V1, changeOrderApprovedWorkflow } from '../../workflows/change-order-approved.ts';
import { QUOTE_ACCEPTED_V1, quoteAcceptedWorkflow } from '../../workflows/quote-accepted.ts';
import type { WorkflowSender } from '../../workflows/workflow.ts';
import { exceptionFor, exceptionsOf, reconcile } from '../../../test/support/reconciliation.ts';

const ASOF = '2026-07-01T00:00:00Z';
let crm: WorkflowSender;
let contractId = '';
let contractValue = '';
beforeAll(async () => {
  ({ crm } = await commercialConnectors());
});

describe('reconciliation: quote versus contract value', () => {
  it('finds nothing on contracts the workflows made, with and without change orders', async () => {
    const plain = quoteData();
    await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, plain), crm);
    const changed = quoteData();
    await handle(quoteAcceptedWorkflow, await storedEvent(QUOTE_ACCEPTED_V1, crm, changed), crm);
    expect(await handle(changeOrderApprovedWorkflow, await storedEvent(CHANGE_ORDER_APPROVED_V1, crm, changeOrderData(changed.quoteId)), crm)).toMatchObject({ status: 'applied' });
    const engagement = await engagementOfQuote(crm.code, changed.quoteId);
    contractId = engagement.contractId!;
    contractValue = engagement.value.toString();

    expect(await reconcile('quote-contract-value', ASOF)).toMatchObject({ code: 'QUOTE_CONTRACT_VALUE_MISMATCH', findings: 0 });
    expect(await exceptionsOf('QUOTE_CONTRACT_VALUE_MISMATCH')).toEqual([]);
  });

  it('a difference below a cent is rounding; a contract moved by 1,250.00 without a change order is a finding', async () => {
    await db().contract.update({ where: { id: contractId }, data: { totalValue: { increment: '0.004' } } });
    expect(await reconcile('quote-contract-value', ASOF)).toMatchObject({ findings: 0 });

    await db().contract.update({ where: { id: contractId }, data: { totalValue: { increment: '1249.996' } } });
    expect(await reconcile('quote-contract-value', ASOF)).toMatchObject({ findings: 1, opened: 1, impactUsd: '1250.00' });
    const exception = await exceptionFor('QUOTE_CONTRACT_VALUE_MISMATCH', contractId);
    expect(exception).toMatchObject({ entityType: 'Contract', status: 'OPEN', ownerTeam: 'SALES_OPS', recoverability: 'DATA_FIX', impactCurrency: 'USD' });
    expect(exception.impactAmount?.toString()).toBe('1250');
    expect(exception.details).toMatchObject({ changeOrderDelta: '25000.00', differences: [{ figure: 'contract', difference: '1250' }], reconciliation: { kind: 'VALUE' } });
  });

  it('a repeat run counts an occurrence', async () => {
    expect(await reconcile('quote-contract-value', ASOF)).toMatchObject({ findings: 1, opened: 0, recurred: 1 });
    expect(await exceptionFor('QUOTE_CONTRACT_VALUE_MISMATCH', contractId)).toMatchObject({ occurrences: 2 });
  });

  it('putting the contract value right clears it', async () => {
    await db().contract.update({ where: { id: contractId }, data: { totalValue: contractValue } });
    expect(await reconcile('quote-contract-value', ASOF)).toMatchObject({ findings: 0, cleared: 1 });
    expect(await exceptionFor('QUOTE_CONTRACT_VALUE_MISMATCH', contractId)).toMatchObject({ status: 'RESOLVED' });
  });
});
