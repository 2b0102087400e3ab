import { describe, expect, it } from 'vitest';
import { customerRequest, ERP_NAME_LIMIT, projectRequest } from './protocol.ts';

describe('the ERP simulator’s name fields', () => {
  it('take names up to the limit and refuse longer ones, as a real ERP does', () => {
    const name = (length: number) => 'x'.repeat(length);
    expect(customerRequest.safeParse({ clientId: 'c1', name: name(ERP_NAME_LIMIT), billToLegalEntityCode: 'US01' }).success).toBe(true);
    const refused = customerRequest.safeParse({ clientId: 'c1', name: name(ERP_NAME_LIMIT + 1), billToLegalEntityCode: 'US01' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]).toMatchObject({ path: ['name'], message: expect.stringMatching(/At most 83 characters/) });
    expect(projectRequest.safeParse({ engagementId: 'e1', engagementCode: 'ENG-1', name: name(ERP_NAME_LIMIT + 1), currency: 'USD', contractValue: '1.00' }).success).toBe(false);
  });
});
