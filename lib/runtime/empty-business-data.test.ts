// A table added to the schema must be classified for demo:reset: emptied with the business
// data or kept. An unclassified business table made TRUNCATE fail on its foreign key.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSINESS_TABLES, KEPT_TABLES } from './empty-business-data.ts';

const schemaDir = path.resolve(import.meta.dirname, '../../prisma/schema');
const models = readdirSync(schemaDir)
  .filter((f) => f.endsWith('.prisma'))
  .flatMap((f) => [...readFileSync(path.join(schemaDir, f), 'utf8').matchAll(/^model (\w+) /gm)].map((m) => m[1]!));

describe('demo:reset table classification', () => {
  it('puts every model of the schema in exactly one list', () => {
    const listed = [...BUSINESS_TABLES, ...KEPT_TABLES];
    expect(models.filter((m) => !listed.includes(m))).toEqual([]);
    expect(listed.filter((t) => !models.includes(t))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});
