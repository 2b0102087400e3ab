// When the simulated gateway dates a charge and a dispute. On the wall clock by default;
// business-dated (the businessDated knob, set by the demo loader, which plays a year in
// minutes) a charge is dated by the `created` its request carries (when the card was
// charged, as the loader plays it) and a dispute a week after its charge — never later
// than now. Without the knob a request naming `created` is refused: a gateway dates its own.
import { SimulatorProblem } from '../kit/problem.ts';

const DISPUTE_AFTER_SECONDS = 7 * 86_400;

/** Unix seconds. */
export function chargeCreated(options: { created: number | undefined; businessDated: boolean; now: Date }): number {
  const now = Math.floor(options.now.getTime() / 1000);
  if (options.created === undefined) return now;
  if (!options.businessDated) throw new SimulatorProblem(400, 'INVALID_REQUEST', 'created is taken only while the gateway is business-dated (POST /_control {"businessDated": true}); it dates its charges itself.');
  return Math.min(options.created, now);
}

/** Unix seconds. */
export function disputeCreated(options: { chargeCreated: number; businessDated: boolean; now: Date }): number {
  const now = Math.floor(options.now.getTime() / 1000);
  return options.businessDated ? Math.min(options.chargeCreated + DISPUTE_AFTER_SECONDS, now) : now;
}
