// q2c.client.updated.v1 — a CRM or ERP changes fields of a client it knows by its own id.
// Which system may change which field is the stewardship rule (OWNERSHIP_VIOLATION),
// so the schema only requires a field → value map; values are any JSON.
import { z } from 'zod';
import { identifier } from './fields.ts';

export const clientUpdatedData = z.looseObject({
  externalId: identifier,
  fields: z.record(identifier, z.unknown(), {
    error: (issue) => (issue.input === undefined ? 'Required.' : 'Expected an object of field names to new values.'),
  }),
});

export type ClientUpdatedData = z.output<typeof clientUpdatedData>;
