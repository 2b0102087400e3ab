// Turns the parser's per-event results into inbox candidates and per-event refusals:
// invalid events keep the parser's error, and an event whose `source` is not one of the
// sending connector's sources is refused (a connector speaks only for its own systems).
import { hashCanonicalJson } from './envelope/canonical-payload-hash.ts';
import type { IngestMode, ParsedEventResult } from './envelope/types.ts';
import type { InboxCandidate } from './inbox/write-inbox-events.ts';

export interface EventRefusal {
  code: 'MALFORMED' | 'SCHEMA_INVALID' | 'PAYLOAD_TOO_LARGE' | 'FORBIDDEN_SOURCE' | 'PAYLOAD_CONFLICT';
  pointer?: string;
  message: string;
}

export type JudgedEvent =
  | { index: number; id?: string; type?: string; refusal: EventRefusal; rawEvent?: unknown }
  | { index: number; id: string; type: string; candidate: InboxCandidate };

function sourcePointer(mode: IngestMode, index: number): string {
  if (mode === 'batch') return `/${index}/source`;
  return mode === 'binary' ? '/ce-source' : '/source';
}

export function judgeEvents(mode: IngestMode, results: ParsedEventResult[], allowedSources: readonly string[]): JudgedEvent[] {
  return results.map((result, index) => {
    if (!result.ok) {
      const raw = result.rawEvent as { type?: unknown } | undefined;
      return { index, id: result.id, type: typeof raw?.type === 'string' ? raw.type : undefined, refusal: result.error, rawEvent: result.rawEvent };
    }
    const { event } = result;
    if (!allowedSources.includes(event.source)) {
      return {
        index,
        id: event.id,
        type: event.type,
        refusal: { code: 'FORBIDDEN_SOURCE', pointer: sourcePointer(mode, index), message: `This connector may not send events for source "${event.source}".` },
      };
    }
    return {
      index,
      id: event.id,
      type: event.type,
      candidate: {
        source: event.source,
        eventId: event.id,
        type: event.type,
        subject: event.subject,
        sequence: event.sequence ?? null,
        correlationId: event.correlationid ?? null,
        eventTime: new Date(event.time),
        payload: result.rawEvent,
        payloadJson: result.canonicalJson,
        payloadHash: hashCanonicalJson(result.canonicalJson),
      },
    };
  });
}
