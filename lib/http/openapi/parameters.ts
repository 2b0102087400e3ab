// OpenAPI parameters from the zod objects a route parses its path and query with: one
// parameter per property, its description lifted from the schema.
import type { z } from 'zod';
import { toInlineSchema, type JsonSchema } from './json-schema.ts';
import type { HeaderParameter } from './operation.ts';

export function pathParameters(schema: z.ZodObject | undefined): JsonSchema[] {
  return schema ? parametersOf(schema, 'path') : [];
}

export function queryParameters(schema: z.ZodObject | undefined): JsonSchema[] {
  return schema ? parametersOf(schema, 'query') : [];
}

export function headerParameters(headers: readonly HeaderParameter[] | undefined): JsonSchema[] {
  return (headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required ?? false, description: h.description, schema: h.schema }));
}

function parametersOf(schema: z.ZodObject, where: 'path' | 'query'): JsonSchema[] {
  const converted = toInlineSchema(schema, 'input');
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    const isList = rest.type === 'array';
    return {
      name,
      in: where,
      // Path segments are always present; a query parameter is required when it has no default and is not optional.
      required: where === 'path' || required.has(name),
      ...(description || isList ? { description: description ?? 'Repeat the parameter or separate values with commas.' } : {}),
      schema: rest,
      ...(isList ? { style: 'form', explode: true } : {}),
    };
  });
}
