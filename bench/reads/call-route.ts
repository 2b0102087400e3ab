// Calls a Next.js route handler the way a client's HTTP request reaches it: a Request with
// the URL and a personal API token, the route's params; fails the run on anything but 200.
// Returns the wall time including reading the JSON body, and the body.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function callRoute(handler: Handler, url: string, token: string, params: Record<string, string> = {}): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await handler(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  const body: unknown = await response.json();
  return { ms: performance.now() - started, body };
}
