// What the triage panel and the exception page show around an exception: the latest
// linked events with their payloads, the audit trail of the exception, the engagement it
// concerns (found through its correlation id, or the quote it holds), and the inline fix
// it offers with the choices, and for unbilled time what approving would write off. Bounded
// reads by primary or leading-index keys only.
import { db } from '../../db/client.ts';
import type { EngagementStatus, ExceptionCode, ExceptionStatus } from '../../db/generated/enums.ts';
import { inlineFixFor, type InlineFix } from '../../domain/exceptions/inline-fix.ts';
import { loadOverdueTime, type OverdueTime } from '../../services/billing/load-overdue-time.ts';
import { userNames } from '../user-names.ts';
import { getException } from './get-exception.ts';
import { isUuid } from '../../http/is-uuid.ts';

const PAYLOAD_LIMIT = 5;
const AUDIT_LIMIT = 50;
const CLIENT_CHOICES = 1000;

export interface ExceptionContext {
  payloads: { id: string; type: string; source: string; eventId: string; payload: unknown }[];
  audit: { id: string; at: string; action: string; actorType: string; actorId: string | null; before: unknown; after: unknown }[];
  auditCount: number;
  engagement: { id: string; code: string; status: EngagementStatus; correlationId: string } | null;
  /** The exception's correlation id, else its engagement's: the lineage to link to. */
  correlationId: string | null;
  fix: (InlineFix & { options: { value: string; label: string }[] }) | null;
  /** UNBILLED_APPROVED_TIME still open: what approving would write off (the decision's own reading). */
  writeOff: TimeWriteOffPreview | null;
}

export type TimeWriteOffPreview = Omit<OverdueTime, 'asOf' | 'entryIds'> & { asOf: string };

export async function getExceptionContext(e: { id: string; code: ExceptionCode; status?: ExceptionStatus; details: unknown; entityType: string; entityId: string; correlationId: string | null }): Promise<ExceptionContext> {
  const fix = inlineFixFor(e.code, e.details);
  const open = e.status === undefined || e.status === 'OPEN' || e.status === 'ASSIGNED';
  const [links, audit, auditCount, engagement, options, writeOff] = await Promise.all([
    db().exceptionEvent.findMany({
      where: { exceptionId: e.id },
      orderBy: { linkedAt: 'desc' },
      take: PAYLOAD_LIMIT,
      select: { inboxEvent: { select: { id: true, type: true, source: true, eventId: true, payload: true } } },
    }),
    db().auditRecord.findMany({ where: { entityType: 'Exception', entityId: e.id }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: AUDIT_LIMIT }),
    db().auditRecord.count({ where: { entityType: 'Exception', entityId: e.id } }),
    engagementOf(e),
    fix ? choicesFor(fix) : Promise.resolve([]),
    open ? writeOffPreview(e) : Promise.resolve(null),
  ]);
  return {
    payloads: links.map((l) => l.inboxEvent),
    audit: audit.map((a) => ({ id: a.id, at: a.at.toISOString(), action: a.action, actorType: a.actorType, actorId: a.actorId, before: a.before, after: a.after })),
    auditCount,
    engagement,
    correlationId: e.correlationId ?? engagement?.correlationId ?? null,
    fix: fix ? { ...fix, options } : null,
    writeOff,
  };
}

async function writeOffPreview(e: { code: ExceptionCode; details: unknown; entityType: string; entityId: string }): Promise<TimeWriteOffPreview | null> {
  if (e.code !== 'UNBILLED_APPROVED_TIME') return null;
  const overdue = await loadOverdueTime(db(), { exception: e, now: new Date() });
  if (!overdue) return null;
  const { asOf, entryIds: _ids, ...rest } = overdue;
  return { ...rest, asOf: asOf.toISOString() };
}

const engagementSelect = { id: true, code: true, status: true, correlationId: true } as const;

async function engagementOf(e: { entityType: string; entityId: string; correlationId: string | null }): Promise<ExceptionContext['engagement']> {
  if (e.entityType === 'Engagement' && isUuid(e.entityId)) return db().engagement.findUnique({ where: { id: e.entityId }, select: engagementSelect });
  if (e.correlationId) {
    const byThread = await db().engagement.findUnique({ where: { correlationId: e.correlationId }, select: engagementSelect });
    if (byThread) return byThread;
  }
  if (e.entityType !== 'Quote') return null;
  // A quote hold names the canonical quote id once it exists, else the sender's quote id.
  const quote = await db().quote.findFirst({
    where: isUuid(e.entityId) ? { OR: [{ id: e.entityId }, { externalId: e.entityId }] } : { externalId: e.entityId },
    select: { engagement: { select: engagementSelect } },
  });
  return quote?.engagement ?? null;
}

async function choicesFor(fix: InlineFix): Promise<{ value: string; label: string }[]> {
  switch (fix.kind) {
    case 'service-sku':
      return (await db().serviceCatalogItem.findMany({ where: { active: true }, orderBy: { sku: 'asc' }, select: { sku: true, name: true } })).map((i) => ({ value: i.sku, label: `${i.sku} — ${i.name}` }));
    case 'legal-entity':
      return (await db().legalEntity.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { code: true, name: true } })).map((l) => ({ value: l.code, label: `${l.code} — ${l.name}` }));
    case 'client-link':
      return (await db().client.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], take: CLIENT_CHOICES, select: { id: true, name: true } })).map((c) => ({ value: c.id, label: c.name }));
  }
}

/** The exception, what surrounds it, and the names of the people in its history and trail. */
export async function getExceptionWorkspace(options: { id: string }) {
  const exception = await getException(options);
  const context = await getExceptionContext(exception);
  const ids = [...exception.actions, ...context.audit].flatMap((a) => (a.actorType === 'USER' && a.actorId ? [a.actorId] : []));
  // Names are a nicety: without them the history still reads ("by a former user").
  const names = await userNames({ ids }).catch(() => new Map<string, string>());
  return { exception, context, names };
}
