'use client';
// Map a connected system's own SKU to a catalog SKU, so its quotes validate (and quotes
// held by UNMAPPED_SERVICE_SKU can be replayed).
import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { actionErrorText, formControl as control, formLabel as label, submitButton } from './action-error-text';
import { SelectField } from './select-field';

export type SetSkuMappingAction = (input: { system: string; externalSku: string; sku: string }) => Promise<ActionResult<unknown>>;


export function SkuMappingForm({ systems, skus, setMapping }: { systems: string[]; skus: string[]; setMapping: SetSkuMappingAction }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    startTransition(async () => {
      const result = await setMapping({ system: String(data.get('system')), externalSku: String(data.get('externalSku') ?? ''), sku: String(data.get('sku')) });
      if (!result.ok) return setError(actionErrorText(result.error));
      form.reset();
    });
  }

  return (
    <form onSubmit={onSubmit} aria-label="Map a SKU" className="mb-4 flex flex-wrap items-end gap-3 rounded-card border border-line bg-surface p-4 shadow-card" data-testid="sku-mapping-form">
      <SelectField name="system" label="System" options={systems} />
      <label className={label}>
        Its SKU
        <input name="externalSku" required maxLength={200} placeholder="e.g. SF-ADV-SENIOR" className={control} />
      </label>
      <SelectField name="sku" label="Catalog SKU" options={skus} />
      <button type="submit" disabled={pending} className={submitButton}>
        Save mapping
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
