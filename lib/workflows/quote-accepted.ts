// q2c.quote.accepted.v1 (DESIGN.md §5, §6): the CRM/CPQ accepted a quote version. Every
// check runs before anything is created (commercial/validate-quote.ts); the first failure
// holds the event with its exception and the quote's value as impact, and fixing the data
// then replaying completes the flow. A first acceptance creates the client (when new),
// quote, contract, SOW, engagement shell, billing plan and milestones, with audit,
// lineage and CREATE_CUSTOMER / CREATE_PROJECT commands to the ERP and PSA. A newer
// version amends that engagement; an already applied version changes nothing; an older
// one is recorded as superseded and not applied. Acceptances of one quote are serialised
// by an advisory lock, so two transactions accepting the same version create one engagement.
import type { QuoteAcceptedData } from '../ingest/schemas/quote-accepted.ts';
import { mayChange } from '../domain/stewardship/decide-field-changes.ts';
import { listOwnershipRules } from '../queries/stewardship/list-ownership-rules.ts';
import { acceptNewQuote } from './commercial/accept-new-quote.ts';
import { lockKey } from './commercial/advisory-lock.ts';
import { quoteFigures } from './commercial/quote-figures.ts';
import type { QuoteHoldTarget } from './commercial/quote-hold.ts';
import { reviseQuote, type ExistingQuote } from './commercial/revise-quote.ts';
import { validateQuote } from './commercial/validate-quote.ts';
import { raiseOwnershipViolation } from './master-data/raise-ownership-violation.ts';
import { masterDataSender } from './master-data/sender.ts';
import type { Tx, Workflow, WorkflowOutcome } from './workflow.ts';

export const QUOTE_ACCEPTED_V1 = 'q2c.quote.accepted.v1';

export const quoteAcceptedWorkflow: Workflow<QuoteAcceptedData> = {
  type: QUOTE_ACCEPTED_V1,
  async handle(event, context): Promise<WorkflowOutcome> {
    const { tx, now } = context;
    const { data } = event;
    const sender = masterDataSender(context);
    await lockKey(tx, `quote:${sender.system}:${data.quoteId}`);

    const existing = await findExistingQuote(tx, sender.system, data.quoteId);
    if (existing) {
      const latest = existing.versions[0]!.version;
      if (existing.versions.some((v) => v.version === data.quoteVersion)) {
        return { status: 'applied', note: `Quote ${data.quoteId} v${data.quoteVersion} is already applied; nothing to do.` };
      }
      if (data.quoteVersion < latest) {
        return { status: 'ignored', note: `Quote ${data.quoteId} v${data.quoteVersion} is older than the applied v${latest}: superseded, not applied.` };
      }
    }

    const rules = await listOwnershipRules({ client: tx });
    if (!mayChange('Quote', '*', sender.kind, rules)) {
      const owner = rules.find((r) => r.domain === 'Quote' && r.field === '*')?.owningSystem ?? 'CRM';
      await raiseOwnershipViolation(tx, { event, sender, entityType: 'Quote', entityId: existing?.id ?? data.quoteId, externalId: data.quoteId, refused: [{ field: '*', owner }], now });
      return { status: 'ignored', note: `${sender.system} (${sender.kind}) does not master quotes; OWNERSHIP_VIOLATION raised.` };
    }

    const figures = quoteFigures(data);
    const target: QuoteHoldTarget = {
      entityId: existing?.id ?? data.quoteId,
      quoteId: data.quoteId,
      quoteVersion: data.quoteVersion,
      impact: { amount: figures.subtotal, currency: data.currency, date: new Date(data.acceptedAt) },
    };
    const checked = await validateQuote(tx, { data, sender, rules, figures, target });
    const step = { tx, event, data, sender, now, target: { ...target, legalEntityId: checked.legalEntity.id } };
    return existing ? reviseQuote(step, checked, existing) : acceptNewQuote(step, checked);
  },
};

async function findExistingQuote(tx: Tx, system: string, quoteId: string): Promise<ExistingQuote | null> {
  const quote = await tx.quote.findUnique({
    where: { sourceSystem_externalId: { sourceSystem: system, externalId: quoteId } },
    select: {
      id: true,
      legalEntityId: true,
      currency: true,
      clientId: true,
      engagement: { select: { id: true } },
      versions: { select: { id: true, version: true, status: true, billingModel: true }, orderBy: { version: 'desc' } },
    },
  });
  if (!quote || quote.versions.length === 0) return null;
  if (!quote.engagement) throw new Error(`Quote ${quoteId} of ${system} has no engagement.`);
  return { id: quote.id, legalEntityId: quote.legalEntityId, currency: quote.currency, clientId: quote.clientId, engagementId: quote.engagement.id, versions: quote.versions };
}
