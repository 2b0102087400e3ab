// Whether a text is a UUID: ids from URLs and exception entity ids (some name an outside
// record, e.g. "payments:dp_…", until it exists here) are checked before they reach a uuid
// column, where PostgreSQL would refuse the whole query.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}
