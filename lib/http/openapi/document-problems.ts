// Structural checks of an OpenAPI 3.1 document, the ones a generator can get wrong: every
// $ref resolves, every operation has a unique operationId and a success answer, path
// templates and path parameters agree, security and tags name declared things. Returns
// the problems as sentences (empty = fine), so a test can show all of them at once.
type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function documentProblems(doc: Json): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push(`openapi must be 3.1.x (got ${String(doc.openapi)})`);
  const info = doc.info as Json | undefined;
  if (!info?.title || !info?.version) problems.push('info.title and info.version are required');
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  const components = (doc.components ?? {}) as Json;
  const schemes = new Set(Object.keys((components.securitySchemes ?? {}) as Json));
  const tags = new Set(((doc.tags ?? []) as Json[]).map((t) => t.name));
  const operationIds = new Map<string, string>();

  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith('/')) problems.push(`path ${path} must start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!METHODS.includes(method)) {
        problems.push(`${where}: ${method} is not an HTTP method`);
        continue;
      }
      const operation = op as Json;
      const id = operation.operationId as string | undefined;
      if (!id) problems.push(`${where}: no operationId`);
      else if (operationIds.has(id)) problems.push(`${where}: operationId ${id} is also used by ${operationIds.get(id)}`);
      else operationIds.set(id, where);
      const responses = (operation.responses ?? {}) as Json;
      if (Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
      if (!Object.keys(responses).some((status) => /^2\d\d$/.test(status))) problems.push(`${where}: no 2xx response`);
      const parameters = (operation.parameters ?? []) as Json[];
      const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name as string);
      for (const name of templated) if (!pathParams.includes(name)) problems.push(`${where}: {${name}} has no path parameter`);
      for (const name of pathParams) if (!templated.includes(name)) problems.push(`${where}: path parameter ${name} is not in the path`);
      for (const p of parameters) if (p.in === 'path' && p.required !== true) problems.push(`${where}: path parameter ${String(p.name)} must be required`);
      const seen = new Set<string>();
      for (const p of parameters) {
        const key = `${String(p.in)}:${String(p.name)}`;
        if (seen.has(key)) problems.push(`${where}: parameter ${key} appears twice`);
        seen.add(key);
      }
      for (const requirement of (operation.security ?? []) as Json[]) for (const name of Object.keys(requirement)) if (!schemes.has(name)) problems.push(`${where}: unknown security scheme ${name}`);
      for (const tag of (operation.tags ?? []) as string[]) if (!tags.has(tag)) problems.push(`${where}: tag ${tag} is not declared`);
    }
  }
  for (const { ref, at } of refsIn(doc)) if (!resolves(doc, ref)) problems.push(`$ref ${ref} at ${at} does not resolve`);
  return problems;
}

function* refsIn(node: unknown, at = '#'): Generator<{ ref: string; at: string }> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* refsIn(item, `${at}/${i}`);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') yield { ref: value, at };
      else yield* refsIn(value, `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    }
  }
}

function resolves(doc: Json, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Json)[segment];
  }
  return node !== undefined;
}
