// A list page's URL as the query string of its API call and the key of its cached page: the
// keys that are not the list's (an open side panel) and empty fields of a submitted filter
// form dropped, the keys in a fixed order so one view is one cache entry whatever order the
// URL had. Pure: the server's prefetch and the browser's view derive the same key.
export function listSearch(params: URLSearchParams, viewOnly: readonly string[] = []): URLSearchParams {
  const search = new URLSearchParams([...params].filter(([key, value]) => !viewOnly.includes(key) && value.trim() !== ''));
  search.sort();
  return search;
}

/** Whether the URL narrows the list (an empty page then says "nothing matches", not "nothing yet"). */
export function isFilteredList(params: URLSearchParams, viewOnly: readonly string[] = []): boolean {
  return [...params].some(([key, value]) => key !== 'sort' && key !== 'cursor' && !viewOnly.includes(key) && value.trim() !== '');
}
