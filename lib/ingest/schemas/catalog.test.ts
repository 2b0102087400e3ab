import { describe, expect, it } from 'vitest';
import { eventCatalog, eventTypes, isEventType } from './catalog.ts';
import { exampleEventData } from './examples.ts';
import { firstProblem } from './test-support.ts';

describe('event catalog', () => {
  it('holds exactly the twelve types of DESIGN.md §5 and the refund (q2c.payment.refunded.v1, for Stripe charge.refunded)', () => {
    expect(eventTypes.sort()).toEqual(
      [
        'q2c.change_order.approved.v1',
        'q2c.client.updated.v1',
        'q2c.employee.updated.v1',
        'q2c.expense.approved.v1',
        'q2c.invoice.posted.v1',
        'q2c.milestone.completed.v1',
        'q2c.payment.disputed.v1',
        'q2c.payment.received.v1',
        'q2c.payment.refunded.v1',
        'q2c.project.created.v1',
        'q2c.quote.accepted.v1',
        'q2c.timesheet.approved.v1',
        'q2c.usage.recorded.v1',
      ].sort(),
    );
  });

  it.each(eventTypes)('%s: the example is valid and unknown members are kept at the top level', (type) => {
    expect(firstProblem(type, exampleEventData[type])).toBeNull();
    const parsed = eventCatalog[type].schema.parse({ ...exampleEventData[type], vendorExtra: { a: 1 } }) as Record<string, unknown>;
    expect(parsed.vendorExtra).toEqual({ a: 1 });
    expect(eventCatalog[type].senders.length).toBeGreaterThan(0);
  });

  it.each(eventTypes)('%s: data that is not an object is refused at ""', (type) => {
    expect(firstProblem(type, ['not', 'an', 'object'])).toMatchObject({ pointer: '' });
  });

  it('keeps unknown members in nested objects too', () => {
    const data = { ...exampleEventData['q2c.quote.accepted.v1'], client: { ...exampleEventData['q2c.quote.accepted.v1'].client, segment: 'ENTERPRISE' } };
    expect((eventCatalog['q2c.quote.accepted.v1'].schema.parse(data).client as Record<string, unknown>).segment).toBe('ENTERPRISE');
  });

  it('isEventType does not match inherited names', () => {
    expect(isEventType('q2c.quote.accepted.v1')).toBe(true);
    expect(isEventType('toString')).toBe(false);
    expect(isEventType('__proto__')).toBe(false);
  });
});
