// The NOTIFY channel that wakes the outbox delivery loops: sent in the transaction that
// enqueues or requeues a command, so it is delivered at commit, never before the row is visible.
export const OUTBOX_CHANNEL = 'threadline_outbox';
