// JSON that parses but cannot be stored or hashed safely: nesting deeper than serialisers
// recurse, numbers that overflowed to Infinity (JSON.stringify would turn them into
// null), and strings PostgreSQL refuses (U+0000, unpaired surrogates from \u escapes).
import { MAX_JSON_DEPTH } from './ingest-limits.ts';

export interface JsonContentProblem {
  path: PropertyKey[];
  message: string;
}

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Only \u escapes can put such characters into parsed JSON (the raw text is valid UTF-8). */
const SUSPICIOUS_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** Whether strings need checking at all: cheap on the text, skips the per-string test for most bodies. */
export function mayContainUnstorableStrings(jsonText: string): boolean {
  return SUSPICIOUS_ESCAPE.test(jsonText);
}

export function findJsonContentProblem(value: unknown, options: { checkStrings: boolean }): JsonContentProblem | null {
  const path: PropertyKey[] = [];
  return visit(value, 0);

  function visit(node: unknown, depth: number): JsonContentProblem | null {
    if (typeof node === 'string') {
      return options.checkStrings && UNSTORABLE.test(node) ? problem('Strings must not contain U+0000 or unpaired UTF-16 surrogates.') : null;
    }
    if (typeof node === 'number') return Number.isFinite(node) ? null : problem('This number is out of range.');
    if (node === null || typeof node !== 'object') return null;
    if (depth >= MAX_JSON_DEPTH) return problem(`JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        path.push(index);
        const found = visit(node[index], depth + 1);
        if (found) return found;
        path.pop();
      }
      return null;
    }
    for (const key of Object.keys(node)) {
      path.push(key);
      if (options.checkStrings && UNSTORABLE.test(key)) return problem('Member names must not contain U+0000 or unpaired UTF-16 surrogates.');
      const found = visit((node as Record<string, unknown>)[key], depth + 1);
      if (found) return found;
      path.pop();
    }
    return null;
  }

  function problem(message: string): JsonContentProblem {
    return { path: [...path], message };
  }
}
