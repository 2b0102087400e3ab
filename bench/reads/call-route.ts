// Calls a Next.js route handler the way a client's HTTP request reaches it: a Request with
// the URL and a personal API token, the route's params; fails the run on anything but 200.
// The time runs until the whole body has been read (an HTTP client's last byte); parsing
// the JSON is the client's work, done after the clock stops.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function callRoute(handler: Handler, url: string, token: string, params: Record<string, string> = {}): Promise<{ ms: number; body: () => unknown }> {
  const started = performance.now();
  const response = await handler(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  return { ms, body: () => JSON.parse(text) as unknown };
}
