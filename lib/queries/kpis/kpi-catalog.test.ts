// docs/KPIS.md is the definition source: every KPI the API answers links to a section of
// it that exists, and says the same "rows" as its section does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { definitionOf, kpiKeys } from './kpi-catalog.ts';

const doc = readFileSync(new URL('../../../docs/KPIS.md', import.meta.url), 'utf8');
// GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
const sections = new Map(
  doc.split(/^### /m).slice(1).map((section) => {
    const [heading, ...body] = section.split('\n');
    return [slug(heading!), body.join('\n')];
  }),
);
const plain = (text: string) => text.replaceAll('`', '').replace(/\s+/g, ' ');

describe('the KPI catalog and docs/KPIS.md', () => {
  it.each(kpiKeys)('%s links to its section and lists the same rows', (key) => {
    const definition = definitionOf(key);
    const anchor = definition.docs.replace('docs/KPIS.md#', '');
    expect(sections.has(anchor), `no section #${anchor}`).toBe(true);
    expect(plain(sections.get(anchor)!)).toContain(plain(definition.rows.description));
  });
});
