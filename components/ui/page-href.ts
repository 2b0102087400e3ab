// Links that change a list page's search params: filters, sort and the page cursor live
// in the URL, so every view can be bookmarked, shared and reloaded.

/** `path?…` with `params` changed by `changes` (null removes a key); empty values are dropped. */
export function pageHref(path: string, params: URLSearchParams, changes: Record<string, string | null> = {}): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const query = new URLSearchParams([...next].filter(([, value]) => value !== '')).toString();
  return query ? `${path}?${query}` : path;
}
