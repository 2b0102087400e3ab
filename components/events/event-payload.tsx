// The CloudEvent exactly as stored (attributes and data), pretty-printed. Shown as text,
// never rendered as markup: it is whatever the sender put in it.
// Focusable (tabIndex 0) so a keyboard can scroll a long payload.
export function EventPayload({ payload, label = 'Event payload' }: { payload: unknown; label?: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="max-h-[32rem] overflow-auto rounded-card border border-line bg-sunken p-4 font-mono text-xs leading-relaxed text-ink" data-testid="event-payload">
      {JSON.stringify(payload, null, 2)}
    </pre>
  );
}
