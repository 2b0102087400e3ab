// What the OpenAPI document knows about one operation of the API. Each entry of routes.ts
// is one of these; the document is generated from them and from the zod schemas they name,
// the same schemas the route handlers validate with and the queries return.
import type { z } from 'zod';
import type { Permission } from '../../auth/permissions.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** user: a person (personal API token or session). connector: a connected system. public: anyone. */
export type OperationAuth = 'user' | 'connector' | 'public';

/** A schema the document names under components.schemas (names must be unique). */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
  examples?: Record<string, { summary?: string; value: unknown }>;
}

export interface ResponseSpec {
  description: string;
  /** Media type → schema; none for an empty answer (204). */
  content?: Record<string, NamedSchema>;
  headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
}

export interface HeaderParameter {
  name: string;
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
}

export interface ApiOperation {
  method: HttpMethod;
  /** The path as OpenAPI writes it: /api/v1/invoices/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: OperationAuth;
  /** The permission the handler checks (lib/auth/permissions.ts); roles are listed from it. */
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: HeaderParameter[];
  body?: { description?: string; required?: boolean; content: Record<string, NamedSchema> };
  responses: Record<number, ResponseSpec>;
  /** Problem statuses beyond those the document derives (401/403/400/404/500). */
  errors?: number[];
}

export const json = (name: string, schema: z.ZodType, examples?: NamedSchema['examples']): Record<string, NamedSchema> => ({
  'application/json': { name, schema, ...(examples ? { examples } : {}) },
});
