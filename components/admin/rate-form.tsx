'use client';
// Set a role's hourly rate on one rate card from a date; the card's table shows the new
// line (and the previous one ended the day before) once saved.
import { useId } from 'react';
import type { ActionResult } from '@/lib/http/action-result';
import { formControl, formLabel } from './action-error-text';
import { FormError } from './form-error';
import { SelectField } from './select-field';
import { useFormAction } from './use-form-action';

export type SetRateAction = (input: { rateCardCode: string; role: string; rate: string; effectiveFrom: string }) => Promise<ActionResult<unknown>>;

export function RateForm({ rateCardCode, roles, setRate }: { rateCardCode: string; roles: string[]; setRate: SetRateAction }) {
  const { pending, error, onSubmit } = useFormAction((data) =>
    setRate({ rateCardCode, role: String(data.get('role')), rate: String(data.get('rate') ?? ''), effectiveFrom: String(data.get('effectiveFrom') ?? '') }),
  );
  const id = useId();

  return (
    <form onSubmit={onSubmit} aria-label={`Set a rate on ${rateCardCode}`} className="flex flex-wrap items-end gap-2 border-t border-line px-3 py-3" data-testid="rate-form">
      <SelectField name="role" label="Role" options={roles} />
      <label className={formLabel} htmlFor={`${id}-rate`}>
        Rate / h
        <input id={`${id}-rate`} name="rate" required inputMode="decimal" pattern="\d+(\.\d{1,6})?" placeholder="425.00" className={`${formControl} w-28`} />
      </label>
      <label className={formLabel} htmlFor={`${id}-from`}>
        From
        <input id={`${id}-from`} name="effectiveFrom" type="date" required className={formControl} />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-line-strong px-3 py-1.5 text-sm font-medium text-ink hover:border-accent disabled:opacity-60">
        Set rate
      </button>
      <FormError message={error} />
    </form>
  );
}
