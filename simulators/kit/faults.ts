// Fault knobs shared by the simulators (tests and the demo), set at start (options or
// <PREFIX>_* environment variables) and changed at run time through POST /_control:
//   latencyMs             added before each command is handled
//   errorRate             share of commands answered 500
//   status429Rate         share answered 429 with Retry-After
//   maxConcurrentRequests more commands at once than this are answered 429 (the ERP's
//                         limit; 0 = no limit)
//   outage                every command (and /health) answered 503
//   lostResponseRate      share of commands that are carried out and stored, after which the
//                         connection is dropped without an answer (lost response after commit)
//   duplicateRate         share of emitted events sent twice
//   outOfOrderRate        share of emitted events held back and sent after the next one
//   emitDelayMs           wait between a command and the events it causes
//   businessDated         answer on the business dates a command carries instead of the
//                         wall clock (the demo plays a year in minutes; off = real time):
//                         what a simulator dates by it is said in its own file
import { z } from 'zod';

const rate = z.number().min(0).max(1);

export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000),
  errorRate: rate,
  status429Rate: rate,
  maxConcurrentRequests: z.number().int().min(0).max(10_000),
  outage: z.boolean(),
  lostResponseRate: rate,
  duplicateRate: rate,
  outOfOrderRate: rate,
  emitDelayMs: z.number().int().min(0).max(600_000),
  businessDated: z.boolean(),
});

export type SimulatorFaults = z.infer<typeof faultsSchema>;

export const NO_FAULTS: SimulatorFaults = {
  latencyMs: 0,
  errorRate: 0,
  status429Rate: 0,
  maxConcurrentRequests: 0,
  outage: false,
  lostResponseRate: 0,
  duplicateRate: 0,
  outOfOrderRate: 0,
  emitDelayMs: 0,
  businessDated: false,
};

/** A partial update, as POST /_control takes it. */
export const faultsUpdateSchema = faultsSchema.partial().strict();

export type FaultOutcome = { kind: 'pass' } | { kind: 'outage' } | { kind: 'error' } | { kind: 'rate-limited' };

/** What a command meets before it is handled; `random` is injectable so tests can pin the dice. */
export function rollFault(faults: SimulatorFaults, random: () => number, concurrent = 0): FaultOutcome {
  if (faults.outage) return { kind: 'outage' };
  if (faults.maxConcurrentRequests > 0 && concurrent > faults.maxConcurrentRequests) return { kind: 'rate-limited' };
  if (faults.status429Rate > 0 && random() < faults.status429Rate) return { kind: 'rate-limited' };
  if (faults.errorRate > 0 && random() < faults.errorRate) return { kind: 'error' };
  return { kind: 'pass' };
}

/** True with probability `share` (0 never, 1 always). */
export function chance(share: number, random: () => number): boolean {
  return share > 0 && random() < share;
}

const envNames: Record<keyof SimulatorFaults, string> = {
  latencyMs: 'LATENCY_MS',
  errorRate: 'ERROR_RATE',
  status429Rate: '429_RATE',
  maxConcurrentRequests: 'MAX_CONCURRENT',
  outage: 'OUTAGE',
  lostResponseRate: 'LOST_RESPONSE_RATE',
  duplicateRate: 'DUPLICATE_RATE',
  outOfOrderRate: 'OUT_OF_ORDER_RATE',
  emitDelayMs: 'EMIT_DELAY_MS',
  businessDated: 'BUSINESS_DATED',
};

/** The environment variables of a simulator's knobs, e.g. ERP_SIM_LATENCY_MS. */
export function faultEnvNames(prefix: string): string[] {
  return Object.values(envNames).map((name) => `${prefix}_${name}`);
}

/** Faults from <prefix>_LATENCY_MS, _ERROR_RATE, _429_RATE, _MAX_CONCURRENT, _OUTAGE, _LOST_RESPONSE_RATE, _DUPLICATE_RATE, _OUT_OF_ORDER_RATE, _EMIT_DELAY_MS, _BUSINESS_DATED. */
export function faultsFromEnv(prefix: string, source: Record<string, string | undefined>, base: SimulatorFaults = NO_FAULTS): SimulatorFaults {
  const values: Record<string, unknown> = { ...base };
  for (const [knob, suffix] of Object.entries(envNames) as [keyof SimulatorFaults, string][]) {
    const name = `${prefix}_${suffix}`;
    const text = source[name];
    if (text === undefined || text === '') continue;
    if (knob === 'outage' || knob === 'businessDated') {
      values[knob] = ['true', '1', 'yes'].includes(text);
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) throw new Error(`${name} must be a number, not "${text}".`);
    values[knob] = value;
  }
  const parsed = faultsSchema.safeParse(values);
  if (!parsed.success) throw new Error(`Bad ${prefix} fault setting: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}
