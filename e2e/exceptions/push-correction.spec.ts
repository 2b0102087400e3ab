// A correction pushed from triage, in the browser (DESIGN.md §6-§7): the CRM sends a quote
// in a currency its legal entity cannot contract in; integration ops previews the
// correction (the diff: CRM quote currency JPY → EUR, moves money) and requests approval;
// Finance sees it waiting and approves it, which puts it into the outbox. Keyboard only.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { demoUser, signIn } from '../access/demo-users';
import { expectAccessible } from '../support/accessibility';
import { sendHeldQuote } from '../support/held-quote';

test('integration ops requests a money-moving correction, finance approves it', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const quoteId = `Q-E2E-${randomUUID().slice(0, 8)}`;
  const { exceptionId } = await sendHeldQuote(request, quoteId, {
    client: { externalId: `ACC-${quoteId}`, name: 'Kaisha Werke', legalEntityCode: 'DE01' },
    currency: 'JPY',
    billingModel: 'FIXED_FEE_MILESTONE',
    lines: [{ sku: 'FF-TRANSFORM', description: 'Transformation', quantity: 1, unitPrice: '3000000' }],
    milestones: [{ ref: 'M1', name: 'Go-live', amount: '3000000', dueDate: '2026-09-30' }],
    estimatedCost: '2000000',
    taxProfile: { nexus: 'DE', exempt: false },
  });

  // One context per person (separate sessions; axe-core needs pages of a context).
  const ops = await (await browser.newContext()).newPage();
  await signIn(ops, demoUser('INTEGRATION_OPS'), `/exceptions/${exceptionId}`);
  await expect(ops.getByRole('heading', { level: 1 })).toContainText(quoteId);
  const panel = ops.getByTestId('push-correction');
  await panel.getByRole('button', { name: 'Preview correction' }).focus();
  await ops.keyboard.press('Enter');
  const diff = panel.getByTestId('correction-diff');
  await expect(diff).toContainText('CRM');
  await expect(diff).toContainText('currency');
  await expect(diff).toContainText('JPY');
  await expect(diff).toContainText('EUR');
  await expect(panel.getByTestId('correction-money')).toContainText('Moves money: 3,000,000');
  // The panel this change adds (the rest of the page is checked by the console's own specs).
  await expectAccessible(ops, 'the push-correction panel', '[data-testid="push-correction"]');
  await panel.getByRole('button', { name: 'Request approval' }).focus();
  await ops.keyboard.press('Enter');
  await expect(panel.getByTestId('correction-message')).toHaveText('Sent to Finance for approval.');
  await expect(panel.getByTestId('correction-pending')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Approve correction' })).toHaveCount(0);

  const finance = await (await browser.newContext()).newPage();
  await signIn(finance, demoUser('FINANCE'), `/exceptions/${exceptionId}`);
  const pending = finance.getByTestId('push-correction');
  await expect(pending.getByTestId('correction-pending')).toBeVisible();
  await expect(pending.getByTestId('correction-diff')).toContainText('JPY');
  await pending.getByLabel('Note (optional)').fill('Agreed with the client: contract in EUR');
  await pending.getByRole('button', { name: 'Approve correction' }).focus();
  await finance.keyboard.press('Enter');
  await expect(pending.getByTestId('correction-message')).toHaveText('Correction queued for delivery to the owning system.');
  await finance.reload();
  await expect(finance.getByTestId('correction-pending')).toHaveCount(0);
  await expect(finance.getByTestId('correction-last')).toContainText('sent to the owning system');
  await expect(finance.getByTestId('action-history')).toContainText('Agreed with the client');
});
