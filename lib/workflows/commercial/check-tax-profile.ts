// Tax profile check of quote acceptance: a taxable quote must name a tax jurisdiction
// Threadline knows (the tax engine is asked per jurisdiction at invoice time, and an
// invoice is never issued without tax). An exempt quote needs none: exempt means no tax.
import type { QuoteAcceptedData } from '../../ingest/schemas/quote-accepted.ts';
import type { Tx } from '../workflow.ts';
import { quoteHold, type QuoteHoldTarget } from './quote-hold.ts';

export async function checkTaxProfile(tx: Tx, data: QuoteAcceptedData, target: QuoteHoldTarget): Promise<void> {
  const { nexus, exempt } = data.taxProfile;
  if (exempt) return;
  const jurisdiction = await tx.taxJurisdiction.findUnique({ where: { code: nexus }, select: { id: true } });
  if (jurisdiction) return;
  throw quoteHold(target, 'MISSING_TAX_PROFILE', `tax nexus "${nexus}" is not a known tax jurisdiction`, { taxProfile: { nexus, exempt } });
}
