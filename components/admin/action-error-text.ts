// What a refused server action says in a form: its field messages when it has them (one
// line), else its message.
import type { ActionError } from '@/lib/http/action-result';

export function actionErrorText(error: ActionError): string {
  const fields = error.fieldErrors ? Object.values(error.fieldErrors).flat() : [];
  return fields.length > 0 ? fields.join(' ') : error.message;
}

/** Class names shared by the admin forms' labels and controls. */
export const formLabel = 'flex flex-col gap-1 text-xs font-medium text-ink-muted';
export const formControl = 'rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-ink';
export const submitButton = 'rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60';
