// The legal entities (group companies) by code, for pickers: code, name, base currency.
import { db } from '../../db/client.ts';

export interface LegalEntityOption {
  code: string;
  name: string;
  baseCurrency: string;
}

export async function listLegalEntities(): Promise<LegalEntityOption[]> {
  return db().legalEntity.findMany({ orderBy: { code: 'asc' }, take: 200, select: { code: true, name: true, baseCurrency: true } });
}
