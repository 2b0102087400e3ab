'use client';
// Map a connected system's own SKU to a catalog SKU, so its quotes validate (and quotes
// held by UNMAPPED_SERVICE_SKU can be replayed).
import type { ActionResult } from '@/lib/http/action-result';
import { formControl as control, formLabel as label, submitButton } from './action-error-text';
import { FormError } from './form-error';
import { SelectField } from './select-field';
import { useFormAction } from './use-form-action';

export type SetSkuMappingAction = (input: { system: string; externalSku: string; sku: string }) => Promise<ActionResult<unknown>>;


export function SkuMappingForm({ systems, skus, setMapping }: { systems: string[]; skus: string[]; setMapping: SetSkuMappingAction }) {
  const { pending, error, onSubmit } = useFormAction((data) => setMapping({ system: String(data.get('system')), externalSku: String(data.get('externalSku') ?? ''), sku: String(data.get('sku')) }));

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
      <FormError message={error} />
    </form>
  );
}
