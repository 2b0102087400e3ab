// How a simulator tells Threadline what happened: CloudEvents 1.0 (structured mode) to
// POST /api/v1/events with the connector's bearer token and, when it has a signing secret,
// Threadline-Signature (t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">), DESIGN.md §5.
// `sequence` increases per subject. Sent one at a time in the background, retried on
// network errors, 5xx and 429. Fault knobs: a share of events sent twice (duplicates)
// and a share held back until after the next event (out of order; a held event goes
// anyway after holdMs). A simulator that speaks another wire format (Stripe webhooks, camt
// XML uploads) passes `encode` and hands ready-made objects to deliver(): the same faults
// and retries, its own URL, body and headers (made afresh for each attempt, so a signature
// timestamp is always current).
import { createHmac, randomUUID } from 'node:crypto';
import { chance, type SimulatorFaults } from './faults.ts';

export interface EmitterTarget {
  /** Threadline's ingest URL, e.g. http://127.0.0.1:3000/api/v1/events. */
  ingestUrl: string;
  token: string;
  signingSecret?: string;
  /** The CloudEvents source registered for the connector, e.g. /demo/erp. */
  source: string;
}

export interface EmittedEvent {
  type: string;
  subject: string;
  data: Record<string, unknown>;
  correlationid?: string;
  time?: string;
}

export interface EmitterStats {
  emitted: number;
  sent: number;
  delivered: number;
  failed: number;
  duplicatesSent: number;
  reordered: number;
}

export interface WireRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface EventEmitterOptions {
  target: EmitterTarget | undefined;
  faults: () => SimulatorFaults;
  random?: () => number;
  holdMs?: number;
  maxAttempts?: number;
  onFailure?: (event: Record<string, unknown>, reason: string) => void;
  /** The request for one attempt; CloudEvents to target.ingestUrl by default. */
  encode?: (event: Record<string, unknown>, target: EmitterTarget) => WireRequest;
}

export class SimulatorEventEmitter {
  private readonly sequences = new Map<string, number>();
  private tail: Promise<void> = Promise.resolve();
  private held: { event: Record<string, unknown>; timer: NodeJS.Timeout } | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly stats: EmitterStats = { emitted: 0, sent: 0, delivered: 0, failed: 0, duplicatesSent: 0, reordered: 0 };

  constructor(private readonly options: EventEmitterOptions) {}

  get enabled(): boolean {
    return this.options.target !== undefined;
  }

  /** Emits after the emitDelayMs knob; returns the CloudEvent (its id and sequence). */
  emit(input: EmittedEvent): Record<string, unknown> | undefined {
    const target = this.options.target;
    if (!target) return undefined;
    const sequence = (this.sequences.get(input.subject) ?? 0) + 1;
    this.sequences.set(input.subject, sequence);
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: target.source,
      type: input.type,
      subject: input.subject,
      time: input.time ?? new Date().toISOString(),
      sequence,
      datacontenttype: 'application/json',
      ...(input.correlationid ? { correlationid: input.correlationid } : {}),
      data: input.data,
    };
    this.stats.emitted++;
    this.afterDelay(event);
    return event;
  }

  private afterDelay(event: Record<string, unknown>): void {
    const delay = this.options.faults().emitDelayMs;
    if (delay > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.route(event);
      }, delay);
      this.timers.add(timer);
    } else {
      this.route(event);
    }
  }

  /** Sends a ready-made object (see `encode`) after the emitDelayMs knob, with the delivery faults. */
  deliver(event: Record<string, unknown>): void {
    if (!this.options.target) return;
    this.stats.emitted++;
    this.afterDelay(event);
  }

  /** Resolves when everything emitted so far was sent (or given up); a held event is released. */
  async flush(): Promise<void> {
    while (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    this.release();
    await this.tail;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.held) clearTimeout(this.held.timer);
    this.held = undefined;
  }

  private route(event: Record<string, unknown>): void {
    const random = this.options.random ?? Math.random;
    const faults = this.options.faults();
    if (!this.held && chance(faults.outOfOrderRate, random)) {
      this.stats.reordered++;
      this.held = { event, timer: setTimeout(() => this.release(), this.options.holdMs ?? 2000) };
      return;
    }
    this.enqueue(event);
    if (chance(faults.duplicateRate, random)) {
      this.stats.duplicatesSent++;
      this.enqueue(event);
    }
    this.release();
  }

  private release(): void {
    if (!this.held) return;
    clearTimeout(this.held.timer);
    const { event } = this.held;
    this.held = undefined;
    this.enqueue(event);
  }

  private enqueue(event: Record<string, unknown>): void {
    this.tail = this.tail.then(() => this.send(event));
  }

  private async send(event: Record<string, unknown>): Promise<void> {
    const target = this.options.target!;
    const maxAttempts = this.options.maxAttempts ?? 8;
    const encode = this.options.encode ?? cloudEventRequest;
    let reason = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      this.stats.sent++;
      try {
        const request = encode(event, target);
        const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
        await response.body?.cancel();
        // 202 from /api/v1/events; 200 from the native routes (accepted, duplicate or ignored).
        if (response.status === 200 || response.status === 202) {
          this.stats.delivered++;
          return;
        }
        reason = `HTTP ${response.status}`;
        if (response.status !== 429 && response.status < 500) break; // refused: repeating will not help
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** (attempt - 1))));
    }
    this.stats.failed++;
    this.options.onFailure?.(event, reason);
  }
}

function cloudEventRequest(event: Record<string, unknown>, target: EmitterTarget): WireRequest {
  const body = JSON.stringify(event);
  return { url: target.ingestUrl, body, headers: headers(target, body) };
}

function headers(target: EmitterTarget, body: string): Record<string, string> {
  const result: Record<string, string> = { 'Content-Type': 'application/cloudevents+json', Authorization: `Bearer ${target.token}` };
  if (target.signingSecret) result['Threadline-Signature'] = threadlineSignature(target.signingSecret, body);
  return result;
}

/** t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> (DESIGN.md §5; Stripe's scheme too). */
export function threadlineSignature(secret: string, body: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}
