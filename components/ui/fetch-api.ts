// Reads a JSON API from the browser with the person's session; a refusal becomes an Error
// carrying the problem+json detail (what to show), never the raw response. `failure` names
// what could not be loaded when the answer carries no problem detail.
export async function fetchApi<T>(path: string, failure?: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (response.ok) return (await response.json()) as T;
  let detail = failure ? `${failure} (HTTP ${response.status}).` : `The server answered ${response.status}.`;
  try {
    const problem = (await response.json()) as { detail?: string; title?: string };
    detail = problem.detail ?? problem.title ?? detail;
  } catch {
    // Not problem+json: keep the status sentence.
  }
  throw new Error(detail);
}
