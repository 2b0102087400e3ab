// The cash page: a payment nobody could match lands on the unapplied-cash workbench with
// the invoice it pays suggested; FINANCE applies it and the invoice is paid. The receipts
// and decisions views; EXECUTIVE reads without buttons. Any database.
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { acceptFixedFeeQuote, attachEvidence, billEngagement, completeMilestone, engagementDetail, receivePayment, waitForInvoiceStatus } from './money-world';

async function issuedInvoice(request: Parameters<typeof acceptFixedFeeQuote>[0], amounts: [string, string]) {
  const engagement = await acceptFixedFeeQuote(request, { amounts });
  await completeMilestone(request, engagement, 'M1');
  await attachEvidence(request, (await engagementDetail(request, engagement.id)).milestones.find((m) => m.ref === 'M1')!.id);
  const [invoice] = await billEngagement(request, engagement.id);
  return { engagement, invoice: invoice! };
}

test('finance applies unapplied cash to the suggested invoice from the workbench', async ({ page, request }) => {
  const { invoice } = await issuedInvoice(request, ['8765.43', '1234.57']);
  // No payer id, no remittance: the matcher cannot apply it; the amount is the invoice's.
  const paymentId = await receivePayment(request, { amount: '8765.43', payerName: 'Somebody in accounts payable' });

  await signIn(page, demoUser('FINANCE'), '/cash');
  await expectAccessible(page, 'the unapplied-cash workbench');
  const receipt = page.getByTestId('workbench-receipt').filter({ visible: true }).and(page.locator(`[data-payment="${paymentId}"]`));
  // The worker may still be on it: reload until it shows (newest first, so it is on page one).
  await expect(async () => {
    await page.reload();
    await expect(receipt).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(receipt.getByTestId('receipt-unapplied')).toContainText('8,765.43');
  const suggestion = receipt.getByTestId('suggestion').and(page.locator(`[data-invoice="${invoice.number}"]`));
  await expect(suggestion).toContainText('Exact amount');
  await expectAccessible(page, 'the workbench with a suggestion');
  await suggestion.getByRole('button', { name: 'Apply' }).click();
  // Fully applied, the receipt leaves the workbench as the page refreshes.
  await expect(receipt).toHaveCount(0);

  await page.getByRole('link', { name: 'Receipts' }).click();
  await expect(page).toHaveURL(/view=receipts/);
  const row = page.getByTestId('receipt-row').filter({ visible: true }).and(page.locator(`[data-payment="${paymentId}"]`));
  await expect(row.getByTestId('receipt-status')).toHaveText('Applied');
  await expect(row).toContainText(`${invoice.number}`);
  await expect(row).toContainText('By hand');
  await expectAccessible(page, 'the receipts view');

  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-status')).toHaveText('Paid');
  await expect(page.getByTestId('invoice-balance-due')).toContainText('0.00');
});

test('deductions and disputes await finance; an executive sees them without buttons', async ({ page, request, browser }) => {
  // A deduction large enough to lead the list (largest first) on any database.
  const { invoice, engagement } = await issuedInvoice(request, ['999999.00', '1.00']);
  await receivePayment(request, { amount: '9.00', payerName: engagement.clientName, remittance: [{ invoiceNumber: invoice.number, amount: '9.00', deduction: '999990.00', reasonCode: 'DAMAGED' }] });
  await waitForInvoiceStatus(request, invoice.id, 'PARTIALLY_PAID');

  await signIn(page, demoUser('FINANCE'), '/cash?view=decisions');
  const decision = page.getByTestId('decision-row').filter({ visible: true }).and(page.locator(`[data-invoice="${invoice.number}"]`));
  await expect(decision).toContainText('DAMAGED');
  await expect(decision.getByTestId('decision-invoice-balance')).toContainText('999,990.00');
  await expect(decision.getByRole('button', { name: /^Reject/ })).toBeVisible();
  await expectAccessible(page, 'the decisions view');
  await decision.getByRole('button', { name: /^Reject/ }).click();
  await expect(decision).toHaveCount(0);
  await page.goto(`/invoices/${invoice.id}`);
  await expect(page.getByTestId('invoice-balance-due')).toContainText('999,990.00');
  await expect(page.getByTestId('invoice-cash')).toContainText('Deduction rejected');

  // A second person in their own browser context (axe needs a page of a context it owns).
  const context = await browser.newContext();
  const executive = await context.newPage();
  await signIn(executive, demoUser('EXECUTIVE'), '/cash?view=decisions');
  await expect(executive.getByRole('heading', { level: 1 })).toHaveText('Cash');
  await expect(executive.getByRole('button', { name: /^Approve/ })).toHaveCount(0);
  await expectAccessible(executive, 'the decisions view for an executive');
  await executive.goto('/cash?view=nonsense');
  await expect(executive.getByTestId('error-state')).toContainText('not valid for: view');
  await context.close();
});
