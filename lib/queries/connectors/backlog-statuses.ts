// The inbox statuses that count as a connector's backlog, apart from the health query so the
// browser's connectors table can name them without importing the database client.
export const BACKLOG_STATUSES = ['RECEIVED', 'FAILED', 'PARKED', 'HELD'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];
