// zod → JSON Schema (2020-12, the dialect of OpenAPI 3.1) with zod 4's own converter.
// Named schemas go through a registry so that each becomes one component and every use
// of it a $ref; requests are converted as what a client sends (io: input, before
// transforms and defaults), answers as what the server returns (io: output).
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

/** Converts named schemas to components; nested uses of any of them become $refs. */
export function toComponents(named: ReadonlyMap<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of named) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: 'any', uri: (id) => `${COMPONENT_PREFIX}${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, tidy(schema as JsonSchema, io)]));
}

/** One schema on its own (a parameter): no registry, nothing to refer to. */
export function toInlineSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  return tidy(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema, io);
}

// Drops what does not belong inside an OpenAPI document ($schema, the registry's $id) and
// what would only get in readers' way: the long regexes zod adds beside a standard
// format, and `additionalProperties: false` on answers (clients must tolerate new fields).
function tidy(schema: JsonSchema, io: 'input' | 'output'): JsonSchema {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema' || key === '$id') continue;
      if (key === 'pattern' && ['uuid', 'date-time', 'date'].includes(String((node as JsonSchema).format))) continue;
      if (key === 'additionalProperties' && value === false && io === 'output') continue;
      out[key] = walk(value);
    }
    return out;
  };
  return walk(schema) as JsonSchema;
}
