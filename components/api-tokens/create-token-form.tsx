'use client';
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import type { CreateApiTokenInput } from '@/lib/http/schemas/api-token';
import type { NewToken } from './new-token-notice';

const expiryChoices = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

export type CreateApiToken = (input: CreateApiTokenInput) => Promise<ActionResult<NewToken>>;

export function CreateTokenForm({ createAction, onCreated }: { createAction: CreateApiToken; onCreated: (token: NewToken) => void }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    setNameError(null);
    startTransition(async () => {
      const result = await createAction({ name: String(data.get('name') ?? ''), expiresInDays: String(data.get('expiresInDays') ?? '90') });
      if (result.ok) {
        form.reset();
        onCreated(result.data);
        return;
      }
      setNameError(result.error.fieldErrors?.name?.[0] ?? null);
      setError(result.error.fieldErrors?.name ? null : result.error.message);
    });
  }

  return (
    <form onSubmit={onSubmit} className="rounded-card border border-line bg-surface p-5 shadow-card" aria-labelledby="create-token-heading">
      <h2 id="create-token-heading" className="text-sm font-semibold text-ink">Create a token</h2>
      <div className="mt-4 flex flex-wrap items-start gap-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="token-name" className="block text-sm font-medium text-ink">Token name</label>
          <input
            id="token-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. Month-end export script"
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'token-name-error' : undefined}
            className="mt-1 w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm focus:border-accent"
          />
          {nameError ? <p id="token-name-error" className="mt-1 text-sm text-danger">{nameError}</p> : null}
        </div>
        <div>
          <label htmlFor="token-expiry" className="block text-sm font-medium text-ink">Expires after</label>
          <select id="token-expiry" name="expiresInDays" defaultValue="90" className="mt-1 rounded-md border border-line-strong bg-surface px-3 py-2 text-sm">
            {expiryChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>{choice.label}</option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="mt-6 rounded-md bg-accent px-4 py-2 text-sm font-medium text-on-accent hover:bg-accent-strong disabled:opacity-60"
        >
          {pending ? 'Creating…' : 'Create token'}
        </button>
      </div>
      {error ? <p role="alert" className="mt-3 text-sm text-danger">{error}</p> : null}
    </form>
  );
}
