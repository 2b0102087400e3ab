// Billed and collected by client and engagement (docs/KPIS.md), from the ledger facts of the
// period: billed = "sales" (issued − voided − credited, at each document's issue-date rate:
// the same figure as DSO's credit sales), collected = "collected" (cash applied, reversals
// netted, at the application date's rate), per engagement, rounded per engagement and added
// up as the domain's billedAndCollected does. The 20 largest clients and engagements are listed.
import { roundGroup } from '../../domain/kpis/group-currency-conversion.ts';
import { ZERO, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { PERIOD_LEDGER_METRICS } from './dso-kpi.ts';
import { ledgerFacts } from './facts/ledger-facts.ts';
import { readFacts } from './facts/read-facts.ts';
import { figure, moneyIn } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';

export const BILLED_BREAKDOWN_SIZE = 20;

type Figures = { billed: Decimal; collected: Decimal };

export async function billedCollectedKpi(scope: KpiScope): Promise<KpiFigure> {
  const facts = await readFacts(scope, { family: ledgerFacts, metrics: PERIOD_LEDGER_METRICS, firstDay: scope.firstDay, lastDay: scope.lastDay });
  const engagements = new Map<string, Figures>();
  for (const fact of facts) {
    const figures = engagements.get(fact.key) ?? { billed: ZERO, collected: ZERO };
    if (fact.metric === 'sales') figures.billed = figures.billed.plus(fact.amount);
    else figures.collected = figures.collected.plus(fact.amount);
    engagements.set(fact.key, figures);
  }
  // Keys are "<engagement id>:<client id>" (ledger-facts.ts).
  const byEngagement = [...engagements.entries()].map(([key, f]) => {
    const [engagementId, clientId] = key.split(':') as [string, string];
    return { engagementId, clientId, billed: roundGroup(f.billed), collected: roundGroup(f.collected) };
  });
  const clients = new Map<string, Figures>();
  for (const e of byEngagement) {
    const c = clients.get(e.clientId) ?? { billed: ZERO, collected: ZERO };
    clients.set(e.clientId, { billed: c.billed.plus(e.billed), collected: c.collected.plus(e.collected) });
  }
  const byClient = [...clients.entries()].map(([clientId, f]) => ({ clientId, ...f }));
  const billed = byClient.reduce((sum, c) => sum.plus(c.billed), ZERO);
  const collected = byClient.reduce((sum, c) => sum.plus(c.collected), ZERO);
  const largest = <T extends Figures>(list: T[]) =>
    [...list]
      .sort((a, b) => b.billed.comparedTo(a.billed) || b.collected.comparedTo(a.collected))
      .slice(0, BILLED_BREAKDOWN_SIZE)
      .map((item) => ({ ...item, billed: moneyIn(scope, item.billed), collected: moneyIn(scope, item.collected) }));

  return figure('billedAndCollected', scope, {
    value: moneyIn(scope, billed),
    breakdown: {
      billed: moneyIn(scope, billed),
      collected: moneyIn(scope, collected),
      clients: byClient.length,
      engagements: byEngagement.length,
      topClients: largest(byClient),
      topEngagements: largest(byEngagement),
    },
    fxMissing: facts.reduce((n, f) => n + f.missing, 0),
  });
}
