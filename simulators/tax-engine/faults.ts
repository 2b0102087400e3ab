// Fault knobs for tests and the demo: added latency, a share of requests failing with 500,
// a share answered 429, or a full outage (503). Set at start (options or TAX_ENGINE_* env)
// and changed at run time through POST /_control.
import { z } from 'zod';

export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000),
  errorRate: z.number().min(0).max(1),
  outage: z.boolean(),
  status429Rate: z.number().min(0).max(1),
});

export type TaxEngineFaults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: TaxEngineFaults = { latencyMs: 0, errorRate: 0, outage: false, status429Rate: 0 };

/** A partial update, as POST /_control takes it. */
export const faultsUpdateSchema = faultsSchema.partial().strict();

export type FaultOutcome = { kind: 'pass' } | { kind: 'outage' } | { kind: 'error' } | { kind: 'rate-limited' };

/** What a request meets; `random` is injectable so tests can pin the dice. */
export function rollFault(faults: TaxEngineFaults, random: () => number): FaultOutcome {
  if (faults.outage) return { kind: 'outage' };
  if (faults.status429Rate > 0 && random() < faults.status429Rate) return { kind: 'rate-limited' };
  if (faults.errorRate > 0 && random() < faults.errorRate) return { kind: 'error' };
  return { kind: 'pass' };
}

/** Faults from TAX_ENGINE_LATENCY_MS, TAX_ENGINE_ERROR_RATE, TAX_ENGINE_429_RATE, TAX_ENGINE_OUTAGE. */
export function faultsFromEnv(source: Record<string, string | undefined>): TaxEngineFaults {
  const number = (name: string, fallback: number) => {
    const text = source[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new Error(`${name} must be a number, not "${text}".`);
    return value;
  };
  const parsed = faultsSchema.safeParse({
    latencyMs: number('TAX_ENGINE_LATENCY_MS', 0),
    errorRate: number('TAX_ENGINE_ERROR_RATE', 0),
    status429Rate: number('TAX_ENGINE_429_RATE', 0),
    outage: ['true', '1', 'yes'].includes(source.TAX_ENGINE_OUTAGE ?? ''),
  });
  if (!parsed.success) throw new Error(`Bad tax-engine fault setting: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}
