// The CloudEvent exactly as stored (attributes and data), pretty-printed. Shown as text,
// never rendered as markup: it is whatever the sender put in it.
export function EventPayload({ payload }: { payload: unknown }) {
  return (
    <pre className="max-h-[32rem] overflow-auto rounded-card border border-line bg-sunken p-4 font-mono text-xs leading-relaxed text-ink" data-testid="event-payload">
      {JSON.stringify(payload, null, 2)}
    </pre>
  );
}
