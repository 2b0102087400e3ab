import { describe, expect, it } from 'vitest';
import { availableActions } from './available-actions';

const me = 'user-1';
const open = { code: 'UNMAPPED_SERVICE_SKU', status: 'OPEN', assigneeId: null } as const;

describe('availableActions', () => {
  it('integration ops triages and replays held events, but makes no money decisions', () => {
    expect(availableActions({ role: 'INTEGRATION_OPS', userId: me, exception: open, heldEvents: 1 }).buttons).toEqual(['assign', 'replay', 'resolve', 'suppress']);
    expect(availableActions({ role: 'INTEGRATION_OPS', userId: me, exception: { ...open, code: 'SHORT_PAY_DEDUCTION' }, heldEvents: 0 }).buttons).toEqual(['assign', 'resolve', 'suppress']);
  });

  it('finance approves or rejects DECISION codes only', () => {
    const decision = availableActions({ role: 'FINANCE', userId: me, exception: { ...open, code: 'SHORT_PAY_DEDUCTION' }, heldEvents: 0 });
    expect(decision.buttons).toEqual(['approve', 'reject']);
    expect(decision.decision?.approve).toMatch(/deduction/);
    expect(availableActions({ role: 'FINANCE', userId: me, exception: open, heldEvents: 2 })).toEqual({ buttons: [], decision: null });
  });

  it('read-only roles see no buttons', () => {
    for (const role of ['DELIVERY', 'ADMIN', 'EXECUTIVE'] as const) expect(availableActions({ role, userId: me, exception: open, heldEvents: 1 }).buttons, role).toEqual([]);
  });

  it('follows the state: no assign to the current assignee, nothing but replay once resolved, nothing once suppressed', () => {
    expect(availableActions({ role: 'INTEGRATION_OPS', userId: me, exception: { ...open, status: 'ASSIGNED', assigneeId: me }, heldEvents: 0 }).buttons).toEqual(['resolve', 'suppress']);
    expect(availableActions({ role: 'INTEGRATION_OPS', userId: me, exception: { ...open, status: 'RESOLVED' }, heldEvents: 1 }).buttons).toEqual(['replay']);
    expect(availableActions({ role: 'INTEGRATION_OPS', userId: me, exception: { ...open, status: 'SUPPRESSED' }, heldEvents: 1 }).buttons).toEqual([]);
  });
});
