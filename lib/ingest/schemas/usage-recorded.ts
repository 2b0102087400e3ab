// q2c.usage.recorded.v1 — units a service platform consumed under a retainer in a month;
// units above the included ones are billed in arrears at the overage rate.
import { z } from 'zod';
import { identifier, quantity, yearMonth } from './fields.ts';

export const usageRecordedData = z.looseObject({
  usageId: identifier,
  engagementRef: identifier,
  // Zero is a legitimate report ("nothing used this month"); negative is not.
  units: quantity({ min: '0' }),
  period: yearMonth,
});

export type UsageRecordedData = z.output<typeof usageRecordedData>;
