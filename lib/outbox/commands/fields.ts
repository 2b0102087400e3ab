// Field types shared by the outbox command payloads. Amounts cross the boundary as exact
// decimal strings (never floats), the same way they arrive in events.
import { z } from 'zod';
import { decimalString } from '../../domain/money/decimal-string.ts';

export const commandAmount = decimalString({ maxScale: 4 });
export const commandRate = decimalString({ min: '0', maxScale: 6 });
export const commandHours = decimalString({ maxScale: 2 });
export const commandCurrency = z.string().regex(/^[A-Z]{3}$/, 'Expected an upper-case ISO 4217 code.');
export const commandId = z.string().min(1).max(256);
export const commandDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD.');
export const billingModel = z.enum(['FIXED_FEE_MILESTONE', 'TIME_AND_MATERIALS', 'RETAINER_WITH_OVERAGE']);
