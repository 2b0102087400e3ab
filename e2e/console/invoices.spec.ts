// The invoices pages: the list with the dashboard's filter names, and the invoice page,
// where FINANCE approves a short-pay deduction and sees the invoice balance change (issue
// 6 journey). Data comes in through the ingest API and the billing run; any database.
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { acceptFixedFeeQuote, attachEvidence, billEngagement, completeMilestone, engagementDetail, receivePayment, waitForInvoiceStatus } from './money-world';

test('finance approves a short-pay deduction and sees the invoice balance change', async ({ page, request }) => {
  const engagement = await acceptFixedFeeQuote(request, { amounts: ['4321.00', '5679.00'] });
  await completeMilestone(request, engagement, 'M1');
  const m1 = (await engagementDetail(request, engagement.id)).milestones.find((m) => m.ref === 'M1')!;
  await attachEvidence(request, m1.id);
  const [invoice] = await billEngagement(request, engagement.id);
  expect(invoice!.total).toBe('4321.00'); // tax-exempt
  await receivePayment(request, { amount: '4200.00', payerName: engagement.clientName, remittance: [{ invoiceNumber: invoice!.number, amount: '4200.00', deduction: '121.00', reasonCode: 'LATE_DELIVERY' }] });
  await waitForInvoiceStatus(request, invoice!.id, 'PARTIALLY_PAID');

  await signIn(page, demoUser('FINANCE'), '/invoices?status=ISSUED,POSTED,PARTIALLY_PAID&sort=-createdAt');
  const row = page.getByTestId('invoice-row').filter({ visible: true }).and(page.locator(`[data-number="${invoice!.number}"]`));
  await expect(row.getByTestId('invoice-status')).toHaveText('Partially paid');
  await expect(row.getByTestId('invoice-balance')).toContainText('121.00');
  await expect(row.getByTestId('ageing')).toHaveText('Not yet due');
  await expectAccessible(page, 'the invoices list');
  await row.getByRole('link', { name: invoice!.number }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(invoice!.number);
  await expect(page.getByTestId('invoice-balance-due')).toContainText('121.00');
  await expect(page.getByTestId('invoice-lines')).toContainText('Milestone');
  const decision = page.getByTestId('decision-row').filter({ visible: true });
  await expect(decision).toContainText('LATE_DELIVERY');
  await expect(decision).toContainText('121.00');
  await expectAccessible(page, 'the invoice page with a deduction awaiting decision');
  await decision.getByLabel(/^Note on/).fill('Delivery was two weeks late; agreed with the account manager.');
  await decision.getByRole('button', { name: /^Approve/ }).click();
  // The decision's row leaves the page as it refreshes with the new balance.
  await expect(page.getByTestId('invoice-balance-due')).toContainText('0.00');
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(page.getByTestId('invoice-credit-notes')).toContainText('deduction');
  await expect(page.getByTestId('no-decisions')).toBeVisible();
  await expectAccessible(page, 'the paid invoice page');
});

test('the list honours the dashboard filter names; an executive sees no decision buttons', async ({ page, request }) => {
  const engagement = await acceptFixedFeeQuote(request, { amounts: ['1111.00', '2222.00'] });
  await completeMilestone(request, engagement, 'M1');
  await attachEvidence(request, (await engagementDetail(request, engagement.id)).milestones.find((m) => m.ref === 'M1')!.id);
  const [invoice] = await billEngagement(request, engagement.id);
  await receivePayment(request, { amount: '1100.00', payerName: engagement.clientName, remittance: [{ invoiceNumber: invoice!.number, amount: '1100.00', deduction: '11.00', reasonCode: 'PRICING' }] });
  await waitForInvoiceStatus(request, invoice!.id, 'PARTIALLY_PAID');

  await signIn(page, demoUser('EXECUTIVE'), `/invoices?legalEntity=US01&aging=current&status=PARTIALLY_PAID`);
  const row = page.getByTestId('invoice-row').filter({ visible: true }).and(page.locator(`[data-number="${invoice!.number}"]`));
  await expect(row).toHaveCount(1);
  await page.goto(`/invoices?aging=90%2B&legalEntity=US01`);
  await expect(page.getByTestId('invoice-row').filter({ visible: true }).and(page.locator(`[data-number="${invoice!.number}"]`))).toHaveCount(0);
  await page.goto('/invoices?aging=ancient');
  await expect(page.getByTestId('error-state')).toContainText('not valid for: aging');
  await expectAccessible(page, 'the invoices list with a bad filter');

  await page.goto(`/invoices/${invoice!.id}`);
  await expect(page.getByTestId('decision-row').filter({ visible: true })).toContainText('PRICING');
  await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expectAccessible(page, 'the invoice page for an executive');
});
