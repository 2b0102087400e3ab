// The firm's people and clients: employees per legal entity and role (hired through the
// HCM), and client groups — parents mastered in the CRM, their subsidiaries, standalone
// clients, and prospects that never bought anything.
import { addDays, type IsoDate } from '../domain/periods/calendar-date.ts';
import { companyStems, companyTrades, costRates, firstNames, lastNames, legalEntities, roles, type DemoLegalEntity, type Role } from './firm.ts';
import type { Random } from './random.ts';
import type { DemoClient, DemoEmployee } from './types.ts';

/** Share of each role in a practice: a pyramid. */
const ROLE_MIX: Record<Role, number> = { PARTNER: 0.08, MANAGER: 0.17, SENIOR_CONSULTANT: 0.25, CONSULTANT: 0.27, ANALYST: 0.23 };

const COST_CENTER = ['ADV', 'TRF', 'MSV'] as const;

export function generateEmployees(random: Random, options: { count: number; hiredOn: IsoDate }): DemoEmployee[] {
  const employees: DemoEmployee[] = [];
  for (const entity of legalEntities) {
    const perEntity = Math.max(roles.length, Math.round(options.count * entity.share));
    let n = 0;
    for (const role of roles) {
      const count = Math.max(1, Math.round(perEntity * ROLE_MIX[role]));
      for (let i = 0; i < count; i++) {
        n += 1;
        const employeeId = `E-${entity.code}-${String(n).padStart(3, '0')}`;
        employees.push({
          employeeId,
          name: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
          role,
          legalEntityCode: entity.code,
          currency: entity.currency,
          costRate: String(costRates[entity.currency]![role]),
          costCenter: `${entity.code}-${COST_CENTER[n % COST_CENTER.length]}`,
          hiredOn: addDays(options.hiredOn, -random.int(30, 2000)),
        });
      }
    }
  }
  return employees;
}

const clientName = (random: Random, entity: DemoLegalEntity, used: Set<string>): string => {
  for (let attempt = 0; ; attempt++) {
    const name = `${random.pick(companyStems)} ${random.pick(companyTrades)}${attempt > 3 ? ` ${attempt}` : ''} ${entity.suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
};

/**
 * About `count` clients: one in six is a group parent with 1–4 subsidiaries in its legal
 * entity, the rest standalone. Which of them buy is the engagements' business; the ones
 * left over are prospects.
 */
export function generateClients(random: Random, options: { count: number }): DemoClient[] {
  const clients: DemoClient[] = [];
  const used = new Set<string>();
  for (const entity of legalEntities) {
    const target = Math.max(3, Math.round(options.count * entity.share));
    let n = 0;
    const id = () => `C-${entity.code}-${String(++n).padStart(4, '0')}`;
    while (n < target) {
      const nexus = random.chance(0.8) ? entity.nexus[0]! : random.pick(entity.nexus);
      if (random.chance(1 / 6) && target - n >= 3) {
        const parent: DemoClient = { externalId: id(), name: `${clientName(random, entity, used).replace(/ [^ ]+$/, '')} Group`, legalEntityCode: entity.code, kind: 'parent', nexus };
        clients.push(parent);
        const children = Math.min(random.int(1, 4), target - n);
        for (let c = 0; c < children; c++) {
          clients.push({ externalId: id(), name: clientName(random, entity, used), legalEntityCode: entity.code, parentExternalId: parent.externalId, kind: 'subsidiary', nexus });
        }
      } else {
        clients.push({ externalId: id(), name: clientName(random, entity, used), legalEntityCode: entity.code, kind: 'standalone', nexus });
      }
    }
  }
  return clients;
}
