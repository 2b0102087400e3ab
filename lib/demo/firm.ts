// The reference side of the demo firm (DESIGN.md §12): its four legal entities with their
// currencies and tax jurisdictions, the delivery roles with list and cost rates per
// currency, and the word lists names are made from. Rates match the seeded STD-* cards.

export type LegalEntityCode = 'US01' | 'GB01' | 'DE01' | 'IN01';
export type Role = 'PARTNER' | 'MANAGER' | 'SENIOR_CONSULTANT' | 'CONSULTANT' | 'ANALYST';

export interface DemoLegalEntity {
  code: LegalEntityCode;
  currency: string;
  /** Tax jurisdictions its clients sit in (the first is the usual one). */
  nexus: readonly string[];
  /** Company-name suffix of its clients. */
  suffix: string;
  /** Share of the firm's clients and people. */
  share: number;
}

export const legalEntities: readonly DemoLegalEntity[] = [
  { code: 'US01', currency: 'USD', nexus: ['US-NY', 'US-CA', 'US-TX', 'US-HI', 'US-NM'], suffix: 'Inc.', share: 0.36 },
  { code: 'GB01', currency: 'GBP', nexus: ['GB'], suffix: 'Ltd', share: 0.24 },
  { code: 'DE01', currency: 'EUR', nexus: ['DE'], suffix: 'GmbH', share: 0.22 },
  { code: 'IN01', currency: 'INR', nexus: ['IN'], suffix: 'Pvt Ltd', share: 0.18 },
];

export const roles: readonly Role[] = ['PARTNER', 'MANAGER', 'SENIOR_CONSULTANT', 'CONSULTANT', 'ANALYST'];

/** The standard hourly list rates (STD-<currency>), as seeded. */
export const listRates: Record<string, Record<Role, number>> = {
  USD: { PARTNER: 650, MANAGER: 425, SENIOR_CONSULTANT: 325, CONSULTANT: 250, ANALYST: 175 },
  GBP: { PARTNER: 520, MANAGER: 340, SENIOR_CONSULTANT: 260, CONSULTANT: 200, ANALYST: 140 },
  EUR: { PARTNER: 600, MANAGER: 390, SENIOR_CONSULTANT: 300, CONSULTANT: 230, ANALYST: 160 },
  INR: { PARTNER: 18000, MANAGER: 11000, SENIOR_CONSULTANT: 8000, CONSULTANT: 6000, ANALYST: 4000 },
};

/** Loaded hourly cost rates (HCM), about 40 % of list. */
export const costRates: Record<string, Record<Role, number>> = {
  USD: { PARTNER: 260, MANAGER: 170, SENIOR_CONSULTANT: 130, CONSULTANT: 100, ANALYST: 70 },
  GBP: { PARTNER: 210, MANAGER: 135, SENIOR_CONSULTANT: 105, CONSULTANT: 80, ANALYST: 55 },
  EUR: { PARTNER: 240, MANAGER: 155, SENIOR_CONSULTANT: 120, CONSULTANT: 92, ANALYST: 64 },
  INR: { PARTNER: 7200, MANAGER: 4400, SENIOR_CONSULTANT: 3200, CONSULTANT: 2400, ANALYST: 1600 },
};

/** The advisory SKU a role's hours are sold under (a manager bills as ADV-SENIOR). */
export const advisorySku: Record<Role, string> = {
  PARTNER: 'ADV-PARTNER',
  MANAGER: 'ADV-SENIOR',
  SENIOR_CONSULTANT: 'ADV-SENIOR',
  CONSULTANT: 'ADV-CONSULTANT',
  ANALYST: 'ADV-ANALYST',
};

export const companyStems = [
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Wingtip', 'Lucerne', 'Margie', 'Alpine', 'Blue Yonder',
  'Coho', 'Fourth Coffee', 'Graphic Design', 'Humongous', 'Lamna', 'Relecloud', 'Trey', 'Woodgrove', 'Wide World', 'Southridge', 'Datum', 'Consolidated',
  'Hudson', 'Thames', 'Rhine', 'Ganges', 'Cascade', 'Summit', 'Harbor', 'Meridian', 'Keystone', 'Pioneer', 'Granite', 'Evergreen',
];
export const companyTrades = [
  'Logistics', 'Health', 'Energy', 'Retail', 'Insurance', 'Foods', 'Telecom', 'Pharma', 'Capital', 'Manufacturing', 'Media', 'Airlines',
  'Utilities', 'Banking', 'Chemicals', 'Motors', 'Software', 'Hotels',
];
export const firstNames = ['Ada', 'Grace', 'Alan', 'Priya', 'Liam', 'Sofia', 'Noah', 'Mia', 'Arjun', 'Hannah', 'Lukas', 'Emma', 'Oliver', 'Ananya', 'Felix', 'Chloe', 'Ravi', 'Lena', 'James', 'Isla'];
export const lastNames = ['Lovelace', 'Hopper', 'Turing', 'Sharma', 'Murphy', 'Rossi', 'Smith', 'Müller', 'Iyer', 'Schmidt', 'Brown', 'Wilson', 'Patel', 'Fischer', 'Taylor', 'Kapoor', 'Weber', 'Evans'];
