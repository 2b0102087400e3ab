// One round of outbox delivery in this worker process: for each target with due commands,
// claim what its shared budget allows (claim-due-commands.ts), POST each command
// (post-command.ts) and record the attempt (record-attempt.ts). Deliveries run in the
// background so a slow target does not hold up the others; `inFlight` is this process's
// own cap on concurrent requests.
import { loadOutboundTarget, OutboundTargetError, type OutboundTarget } from '../../connectors/outbound-target.ts';
import { log } from '../../log.ts';
import type { CommandKind } from '../commands/payload-schemas.ts';
import { claimDueCommands, targetsWithDueCommands, type ClaimedCommand, type TargetSettings } from './claim-due-commands.ts';
import { commandRoutes } from './command-routes.ts';
import { postCommand, type PostedCommand } from './post-command.ts';
import { recordAttempt, type RecordedStep } from './record-attempt.ts';

export interface DeliverySettings {
  /** Concurrent requests of this process, over all targets. */
  maxInFlight: number;
  /** Overrides every connector's outboundMaxAttempts when set (OUTBOX_MAX_ATTEMPTS). */
  maxAttempts?: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  random?: () => number;
  onRecorded?: (step: RecordedStep, command: ClaimedCommand) => void;
}

/** Starts the deliveries due now; returns each one's completion and all of them together. */
export async function deliverDueCommands(settings: DeliverySettings, localInFlight: number): Promise<{ started: number; jobs: Promise<void>[]; done: Promise<void> }> {
  const now = new Date();
  const jobs: Promise<void>[] = [];
  let room = settings.maxInFlight - localInFlight;
  for (const target of await targetsWithDueCommands(now)) {
    if (room <= 0) break;
    const claimed = await claimDueCommands(target, { now, limit: room });
    if (claimed.length === 0) continue;
    room -= claimed.length;
    const outbound = await loadTarget(target.code, now);
    for (const command of claimed) jobs.push(deliverOne(command, target, outbound, settings));
  }
  return { started: jobs.length, jobs, done: Promise.all(jobs).then(() => undefined) };
}

async function deliverOne(command: ClaimedCommand, settings: TargetSettings, target: OutboundTarget | OutboundTargetError, delivery: DeliverySettings): Promise<void> {
  const startedAt = new Date();
  let result: PostedCommand;
  if (target instanceof OutboundTargetError) {
    result = { kind: 'refused', reason: target.message };
  } else {
    const route = commandRoutes[command.kind as CommandKind];
    result = route
      ? await postCommand({
          baseUrl: target.baseUrl,
          path: route.path,
          token: target.token,
          idempotencyKey: command.idempotencyKey,
          kind: command.kind,
          body: command.payload,
          timeoutMs: settings.timeoutMs,
          allowPrivate: target.allowPrivate,
          correlationId: command.correlationId,
        })
      : { kind: 'refused', reason: `Threadline does not deliver ${command.kind} commands yet.` };
  }
  const maxAttempts = delivery.maxAttempts ?? settings.maxAttempts;
  try {
    const step = await recordAttempt({
      command,
      target: { connectorId: settings.connectorId, code: settings.code, kind: target instanceof OutboundTargetError ? null : target.kind },
      result,
      startedAt,
      finishedAt: new Date(),
      policy: { maxAttempts, baseMs: delivery.backoffBaseMs, capMs: delivery.backoffCapMs },
      random: delivery.random ?? Math.random,
    });
    delivery.onRecorded?.(step, command);
    const level = step === 'dead' ? 'warn' : 'debug';
    log[level]('outbox attempt', { commandId: command.id, kind: command.kind, connector: settings.code, attemptNo: command.attemptNo, step, result: result.kind === 'response' ? result.status : result.kind });
  } catch (err) {
    // The claim's lease runs out and another round takes the command over.
    log.error('recording an outbox attempt failed', { commandId: command.id, err });
  }
}

async function loadTarget(code: string, now: Date): Promise<OutboundTarget | OutboundTargetError> {
  try {
    return await loadOutboundTarget({ code, now });
  } catch (error) {
    if (error instanceof OutboundTargetError) return error;
    throw error;
  }
}
