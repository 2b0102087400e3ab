import { describe, expect, it } from 'vitest';
import { exampleEventData } from './examples.ts';
import { quoteAcceptedData } from './quote-accepted.ts';
import { type Change, exampleWith, firstProblem, REMOVE } from './test-support.ts';

const TYPE = 'q2c.quote.accepted.v1';

describe(TYPE, () => {
  it('accepts the example, normalising amounts and keeping unknown fields', () => {
    const data = quoteAcceptedData.parse(exampleEventData[TYPE]);
    expect(data.lines[0]).toMatchObject({ quantity: '1', unitPrice: '250000' });
    expect(data.milestones?.map((m) => m.amount)).toEqual(['100000', '150000']);
    expect(data.crmOpportunityId).toBe('0064H00000abcDE');
  });

  it.each<[string, Change[]]>([
    ['T&M without milestones', [[['billingModel'], 'TIME_AND_MATERIALS'], [['milestones'], REMOVE]]],
    ['retainer with its terms', [[['billingModel'], 'RETAINER_WITH_OVERAGE'], [['milestones'], null], [['retainer'], { monthlyFee: '12000', includedUnits: 100, overageRate: '140.5', startMonth: '2026-04', months: 12 }]]],
    ['an unknown role or SKU (reference data decides)', [[['lines', 0, 'role'], 'WIZARD'], [['lines', 0, 'sku'], 'NOT-IN-CATALOG']]],
    ['milestones not summing to the lines (a business exception, not a schema error)', [[['milestones', 0, 'amount'], '1']]],
    ['lower-case currency', [[['currency'], 'eur']]],
    ['no parent (null)', [[['client', 'parentExternalId'], null]]],
  ])('accepts %s', (_name, changes) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toBeNull();
  });

  it.each<[string, Change[], string, RegExp]>([
    ['missing quoteId', [[['quoteId'], REMOVE]], '/quoteId', /Required/],
    ['empty sku', [[['lines', 0, 'sku'], '']], '/lines/0/sku', /empty/],
    ['no lines', [[['lines'], []]], '/lines', /at least one line/],
    ['zero quantity', [[['lines', 0, 'quantity'], 0]], '/lines/0/quantity', /greater than 0/],
    ['float-noise unit price', [[['lines', 0, 'unitPrice'], 0.1 + 0.2]], '/lines/0/unitPrice', /send it as a string/],
    ['unknown billing model', [[['billingModel'], 'SUBSCRIPTION']], '/billingModel', /FIXED_FEE_MILESTONE/],
    ['fixed fee without milestones', [[['milestones'], []]], '/milestones', /at least one milestone/],
    ['duplicate milestone refs', [[['milestones', 1, 'ref'], 'M1']], '/milestones/1/ref', /Duplicate ref "M1"/],
    ['retainer model without terms', [[['billingModel'], 'RETAINER_WITH_OVERAGE']], '/retainer', /retainer terms/],
    ['currency not three letters', [[['currency'], 'US$']], '/currency', /ISO 4217/],
    ['client without legal entity', [[['client', 'legalEntityCode'], REMOVE]], '/client/legalEntityCode', /Required/],
    ['tax profile exempt not boolean', [[['taxProfile', 'exempt'], 'no']], '/taxProfile/exempt', /boolean/],
    ['acceptedAt without zone', [[['acceptedAt'], '2026-03-31T17:45:00']], '/acceptedAt', /RFC 3339/],
    ['impossible milestone due date', [[['milestones', 0, 'dueDate'], '2026-02-30']], '/milestones/0/dueDate', /calendar date/],
    ['quoteVersion 0', [[['quoteVersion'], 0]], '/quoteVersion', /whole number from 1/],
  ])('refuses %s', (_name, changes, pointer, message) => {
    expect(firstProblem(TYPE, exampleWith(TYPE, ...changes))).toEqual({ pointer, message: expect.stringMatching(message) });
  });
});
