import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classify-failure.ts';
import { TransientWorkflowError, WorkflowHold } from './workflow.ts';

describe('classifyFailure', () => {
  const hold = new WorkflowHold({ code: 'CLIENT_NOT_MASTERED', entityType: 'Client', entityId: 'ACME' });
  it.each([
    { name: 'a workflow hold is held', error: hold, kind: 'hold' },
    { name: 'a transient workflow error is retried', error: new TransientWorkflowError('tax engine down'), kind: 'retry' },
    { name: 'a deadlock is retried', error: Object.assign(new Error('deadlock detected'), { code: '40P01' }), kind: 'retry' },
    { name: 'a lost connection is retried', error: Object.assign(new Error('connection failure'), { code: '08006' }), kind: 'retry' },
    { name: 'an unknown bug is retried (a deploy may fix it)', error: new TypeError('x is undefined'), kind: 'retry' },
    { name: 'a thrown string is retried', error: 'boom', kind: 'retry' },
  ])('$name', ({ error, kind }) => {
    expect(classifyFailure(error).kind).toBe(kind);
  });

  it('keeps the message of a retried failure, bounded', () => {
    const failure = classifyFailure(new Error('x'.repeat(5000)));
    expect(failure).toMatchObject({ kind: 'retry' });
    expect(failure.kind === 'retry' && failure.message.length).toBe(2000);
  });
});
