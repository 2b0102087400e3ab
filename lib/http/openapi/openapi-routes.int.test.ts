// The OpenAPI document against the real route files: every route under app/api/v1 (each
// exported method) is documented and every documented operation exists — a new route
// without its entry in lib/http/openapi/routes.ts fails here. Then every parameterless GET
// is called for real and its answer checked against the schema the document names.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../test/fixtures/exceptions.ts';
import { problemSchema } from '../schemas/problem.ts';
import { openApiDocument } from './openapi-document.ts';
import { apiOperations } from './routes.ts';

const API_ROOT = path.resolve(import.meta.dirname, '../../../app/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type RouteModule = Partial<Record<(typeof METHODS)[number], (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>>>;
interface RouteFile {
  path: string;
  module: RouteModule;
}

async function routeFiles(dir = API_ROOT): Promise<RouteFile[]> {
  const found: RouteFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await routeFiles(full)));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      // app/api/v1/invoices/[id]/route.ts → /api/v1/invoices/{id}
      const segments = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean).map((s) => s.replace(/^\[(?:\.\.\.)?(.+)\]$/, '{$1}'));
      found.push({ path: ['/api/v1', ...segments].join('/'), module: (await import(full)) as RouteModule });
    }
  }
  return found;
}

let routes: RouteFile[];
beforeAll(async () => {
  routes = await routeFiles();
});

describe('every /api/v1 route is in the OpenAPI document', () => {
  it('each exported method of each route file has an operation, and nothing documented is missing', () => {
    const exported = routes.flatMap((r) => METHODS.filter((m) => typeof r.module[m] === 'function').map((m) => `${m.toLowerCase()} ${r.path}`));
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
    expect(exported.length).toBeGreaterThan(20);
    expect(exported.filter((op) => !documented.includes(op)), 'routes without an entry in lib/http/openapi/routes.ts').toEqual([]);
    expect(documented.filter((op) => !exported.includes(op)), 'documented operations without a route').toEqual([]);
  });

  it('serves the document publicly at /api/v1/openapi.json', async () => {
    const route = routes.find((r) => r.path === '/api/v1/openapi.json')!;
    const response = await route.module.GET!(new Request('http://localhost/api/v1/openapi.json'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});

describe('answers match the documented schemas', () => {
  it('every GET without path parameters or required query parameters answers what the document says', async () => {
    const admin = await createPerson('ADMIN');
    const checked: string[] = [];
    for (const op of apiOperations.filter((o) => o.method === 'get' && !o.params && (!o.query || o.query.safeParse({}).success))) {
      const route = routes.find((r) => r.path === op.path)!;
      const response = await route.module.GET!(new Request(`http://localhost${op.path}`, { headers: admin.bearer }), { params: Promise.resolve({}) });
      const spec = op.responses[response.status];
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!;
      if (contentType === 'application/problem+json') {
        expect(op.responses[response.status] === undefined, `${op.path} answered ${response.status}`).toBe(true);
        expect(problemSchema.safeParse(await response.json()).success, op.path).toBe(true);
      } else {
        expect(spec, `${op.path} answered an undocumented ${response.status}`).toBeDefined();
        const documented = spec!.content?.[contentType];
        expect(documented, `${op.path}: ${contentType} is not documented`).toBeDefined();
        if (contentType === 'application/json') {
          const result = documented!.schema.safeParse(await response.json());
          expect(result.success, `${op.path}: ${result.error?.message}`).toBe(true);
        }
      }
      checked.push(`${op.path} ${response.status}`);
    }
    expect(checked.length).toBeGreaterThanOrEqual(8);
  });
});
