'use client';
// The submit of an admin form: read its fields, call the server action, show a refusal in
// words, and clear the form when it worked.
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { actionErrorText } from './action-error-text';

export function useFormAction(run: (data: FormData) => Promise<ActionResult<unknown>>, onDone?: (data: FormData) => void) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    startTransition(async () => {
      const result = await run(data);
      if (!result.ok) return setError(actionErrorText(result.error));
      onDone?.(data);
      form.reset();
    });
  }
  return { pending, error, onSubmit };
}
