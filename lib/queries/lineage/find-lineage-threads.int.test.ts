// The lineage search on real rows: a correlation id, an engagement code (exact or part),
// a name and an invoice number each find their thread; exact matches rank first.
import { describe, expect, it } from 'vitest';
import { db } from '../../db/client.ts';
import { createEngagement } from '../../../test/fixtures/revenue.ts';
import { uniqueId } from '../../../test/fixtures/master-data.ts';
import { correlationIdOfEngagement, findLineageThreads } from './find-lineage-threads.ts';

describe('findLineageThreads', () => {
  it('finds a thread by correlation id, engagement code, name and invoice number', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '1000', acceptedOn: '2026-03-02' });
    const name = uniqueId('Lineage search');
    await db().engagement.update({ where: { id: engagement.id }, data: { name } });
    const number = uniqueId('INV');
    await db().invoice.create({
      data: { legalEntityId: engagement.legalEntityId, clientId: engagement.clientId, engagementId: engagement.id, correlationId: engagement.correlationId, status: 'ISSUED', currency: 'USD', number, subtotal: '10', total: '10' },
    });

    expect(await findLineageThreads({ text: engagement.correlationId })).toEqual([expect.objectContaining({ correlationId: engagement.correlationId, engagementCode: engagement.code, matched: 'correlation id', exact: true })]);
    expect((await findLineageThreads({ text: engagement.code.toLowerCase() }))[0]).toMatchObject({ engagementId: engagement.id, matched: 'engagement code' });
    expect((await findLineageThreads({ text: name.slice(3) }))[0]).toMatchObject({ engagementId: engagement.id, matched: 'engagement name', exact: false });
    expect(await findLineageThreads({ text: number })).toEqual([expect.objectContaining({ engagementId: engagement.id, matched: `invoice ${number}` })]);
    expect(await findLineageThreads({ text: '   ' })).toEqual([]);
    expect(await findLineageThreads({ text: `no-such-${name}` })).toEqual([]);
  });

  it('treats % and _ as text, not patterns', async () => {
    expect(await findLineageThreads({ text: '%', limit: 5 })).toEqual([]);
  });

  it('resolves an engagement id or code to its correlation id', async () => {
    const engagement = await createEngagement({ model: 'TIME_AND_MATERIALS', contractValue: '1000', acceptedOn: '2026-03-02' });
    expect(await correlationIdOfEngagement(engagement.id)).toBe(engagement.correlationId);
    expect(await correlationIdOfEngagement(engagement.code)).toBe(engagement.correlationId);
    expect(await correlationIdOfEngagement('NO-SUCH-ENGAGEMENT')).toBeNull();
  });
});
