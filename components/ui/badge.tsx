// A small status label. Tones carry meaning consistently across the console: accent =
// done or healthy, warning = waiting on something, danger = failed or needs a person,
// muted = closed or set aside.
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'warning' | 'danger' | 'muted';

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-sunken text-ink',
  accent: 'bg-accent-soft text-accent-strong',
  warning: 'bg-warning-soft text-ink',
  danger: 'bg-danger-soft text-danger',
  muted: 'bg-sunken text-ink-muted',
};

export function Badge({ tone = 'neutral', children, testId }: { tone?: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${tones[tone]}`}>
      {children}
    </span>
  );
}
