// The exception queue's status defaults in the URL, in a module without server imports so the
// browser's queue view and filters agree with the server's: no status means the work still to
// do (open and assigned); status=any means every status.
export const ANY_STATUS = 'any';
export const DEFAULT_QUEUE_STATUSES = 'OPEN,ASSIGNED';
