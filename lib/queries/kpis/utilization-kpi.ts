// Utilization (docs/KPIS.md): billable ÷ available hours over approved, current time worked
// in the period. Hours per employee come from the daily time facts; available hours from
// each employee's standard week (availableHoursFromWeekly) for the active employees of the
// legal entity and anyone who booked time; the domain's utilization() does the rest, on
// one row of billable and one of other hours per employee (the sums it would make).
import { availableHoursFromWeekly, utilization } from '../../domain/kpis/utilization.ts';
import { ZERO, type Decimal } from '../../domain/money/decimal.ts';
import type { KpiFigure } from '../../http/schemas/kpis.ts';
import { readFacts } from './facts/read-facts.ts';
import { timeFacts } from './facts/time-facts.ts';
import { figure, hoursText, ratioText } from './kpi-figure.ts';
import type { KpiScope } from './kpi-scope.ts';
import { inLegalEntity, kpiRows } from './kpi-sql.ts';

export async function utilizationKpi(scope: KpiScope, options: { holidays?: readonly string[] } = {}): Promise<KpiFigure> {
  // The hours per employee (margin sums the cost facts per engagement in SQL).
  const facts = await readFacts(scope, { family: timeFacts, metrics: ['time.worked', 'time.billable'], firstDay: scope.firstDay, lastDay: scope.lastDay });
  const hours = new Map<string, { worked: Decimal; billable: Decimal }>();
  for (const f of facts) {
    const h = hours.get(f.key) ?? { worked: ZERO, billable: ZERO };
    hours.set(f.key, f.metric === 'time.worked' ? { ...h, worked: h.worked.plus(f.hours) } : { ...h, billable: h.billable.plus(f.hours) });
  }
  const employees = await kpiRows<{ id: string; weekly: string }>(
    `SELECT id::text, "standardWeeklyHours"::text AS weekly FROM "Employee" WHERE (active OR id = ANY($1::uuid[])) AND ${inLegalEntity('"legalEntityId"', 2)}`,
    [[...hours.keys()], scope.legalEntityIds],
  );
  // Most people share a standard week: count the period's business days once per distinct one.
  const available = new Map<string, Decimal>();
  const availableFor = (weekly: string) =>
    available.get(weekly) ?? available.set(weekly, availableHoursFromWeekly({ standardWeeklyHours: weekly, period: scope.period, holidays: options.holidays })).get(weekly)!;
  const on = scope.period.from;
  const approved = { approvalStatus: 'APPROVED' as const, superseded: false, workDate: on };
  const result = utilization({
    time: employees.flatMap(({ id }) => {
      const h = hours.get(id) ?? { worked: ZERO, billable: ZERO };
      return [
        { employeeId: id, hours: h.billable, billable: true, ...approved },
        { employeeId: id, hours: h.worked.minus(h.billable), billable: false, ...approved },
      ];
    }),
    available: employees.map((e) => ({ employeeId: e.id, availableHours: availableFor(e.weekly) })),
    period: scope.period,
  });
  const { total } = result;
  return figure('utilization', scope, {
    value: ratioText(total.utilization),
    breakdown: { billableHours: hoursText(total.billableHours), workedHours: hoursText(total.workedHours), availableHours: hoursText(total.availableHours), employees: result.employees.length },
  });
}
