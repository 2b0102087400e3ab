// Separation of duties on a real PostgreSQL: whoever proposed a money-moving correction
// cannot decide it, even with the finance permission (no demo role has both, so the
// decision is called directly with the proposer as the approver).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { isAppError } from '../../errors.ts';
import { commercialConnectors } from '../../../test/fixtures/commercial.ts';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { raiseException } from '../exceptions/raise-exception.ts';
import { decideCorrection } from './decide-correction.ts';
import { findPendingCorrection } from './find-correction-actions.ts';
import { pushCorrection } from './push-correction.ts';

const now = new Date('2026-05-04T10:00:00Z');

describe('decideCorrection', () => {
  it('refuses the proposer (403) and leaves the correction pending', async () => {
    await commercialConnectors();
    const ops = await createPerson('INTEGRATION_OPS');
    const quoteId = `Q-${randomUUID().slice(0, 8)}`;
    const exception = await db().$transaction((tx) =>
      raiseException(tx, {
        code: 'CURRENCY_MISMATCH',
        entityType: 'Quote',
        entityId: quoteId,
        details: { quoteId, currency: 'JPY', legalEntityCode: 'DE01', baseCurrency: 'EUR' },
        impact: { amount: '100000', currency: 'JPY', date: now },
        now,
      }),
    );
    const proposed = await db().$transaction((tx) => pushCorrection(tx, { exception, actor: ops.actor, dryRun: false, now }));
    expect(proposed.correction.status).toBe('PENDING_APPROVAL');

    const outcome = await db()
      .$transaction(async (tx) => {
        const pending = (await findPendingCorrection(tx, exception.id))!;
        return decideCorrection(tx, { exception, pending, decision: 'approve', actor: { userId: ops.user.id, role: 'FINANCE' }, now });
      })
      .catch((error: unknown) => (isAppError(error) ? error.code : error));
    expect(outcome).toBe('FORBIDDEN');
    expect(await db().exceptionAction.findUniqueOrThrow({ where: { id: proposed.actionId! } })).toMatchObject({ approvalStatus: 'PENDING', decidedById: null });
  });
});
