import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, parameterErrors, pointerErrors, toJsonPointer } from './validation-errors.ts';

describe('toJsonPointer', () => {
  it.each([
    [[], ''],
    [['name'], '/name'],
    [['lines', 0, 'amount'], '/lines/0/amount'],
    [['a/b'], '/a~1b'],
    [['m~n'], '/m~0n'],
    [['~/'], '/~0~1'],
    [[''], '/'],
    [[Symbol.for('s')], '/Symbol(s)'],
  ] as [PropertyKey[], string][])('%j → %s', (path, pointer) => {
    expect(toJsonPointer(path)).toBe(pointer);
  });
});

describe('zod issues', () => {
  const schema = z.object({ name: z.string().min(1), lines: z.array(z.object({ amount: z.number() })) });
  const issues = schema.safeParse({ name: '', lines: [{ amount: 1 }, { amount: 'x' }] }).error!.issues;

  it('as JSON pointers for bodies', () => {
    expect(pointerErrors(issues)).toEqual([
      { pointer: '/name', message: expect.any(String) },
      { pointer: '/lines/1/amount', message: expect.any(String) },
    ]);
  });

  it('as parameter names for query strings', () => {
    expect(parameterErrors(issues).map((e) => e.parameter)).toEqual(['name', 'lines.1.amount']);
  });

  it('as dotted field names for forms, grouping messages', () => {
    const result = fieldErrors(z.object({ a: z.string().min(3).regex(/^x/) }).safeParse({ a: 'b' }, { reportInput: false }).error!.issues);
    expect(Object.keys(result)).toEqual(['a']);
    expect(result.a).toHaveLength(2);
  });

  it('puts whole-document problems at the root', () => {
    const rootIssues = z.object({ a: z.string() }).safeParse(undefined).error!.issues;
    expect(pointerErrors(rootIssues)).toEqual([{ pointer: '', message: expect.any(String) }]);
    expect(Object.keys(fieldErrors(rootIssues))).toEqual(['']);
  });
});
