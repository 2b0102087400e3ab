// One accessibility check for every page the e2e tests open (issue 6): axe-core's WCAG
// 2.x A/AA rules, failing on any serious or critical violation with the rule, its help
// text and the offending elements, so a failure says what to fix.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** `include` narrows the check to one part of the page (a panel a spec adds) when the rest is checked elsewhere. */
export async function expectAccessible(page: Page, what: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = blocking.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `accessibility of ${what}`).toEqual([]);
}
