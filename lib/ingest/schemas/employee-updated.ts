// q2c.employee.updated.v1 — the HCM's employee record and cost rate, which costs time
// (margin) from the event's effective time on.
import { z } from 'zod';
import { currencyCode, identifier, nonEmptyText, rate } from './fields.ts';

export const employeeUpdatedData = z.looseObject({
  employeeId: identifier,
  name: nonEmptyText,
  costRate: rate(),
  currency: currencyCode,
  costCenter: identifier,
});

export type EmployeeUpdatedData = z.output<typeof employeeUpdatedData>;
