'use client';
// Set which system owns a field (or every field, "*") of a canonical entity. The same
// (entity, field) again changes its owner; the service refuses a field the entity lacks.
import { useState } from 'react';
import type { EntityType, SystemKind } from '@/lib/db/generated/enums';
import type { ActionResult } from '@/lib/http/action-result';
import { formControl as input, formLabel as label, submitButton } from './action-error-text';
import { FormError } from './form-error';
import { SelectField } from './select-field';
import { useFormAction } from './use-form-action';

export type SetRuleAction = (input: { domain: EntityType; field: string; owningSystem: SystemKind; note?: string | null }) => Promise<ActionResult<unknown>>;


export function OwnershipRuleForm({ domains, systems, setRule }: { domains: readonly EntityType[]; systems: readonly SystemKind[]; setRule: SetRuleAction }) {
  const [saved, setSaved] = useState<string | null>(null);
  const ruleOf = (data: FormData) => ({ domain: String(data.get('domain')) as EntityType, field: String(data.get('field') ?? ''), owningSystem: String(data.get('owningSystem')) as SystemKind, note: String(data.get('note') ?? '') || null });
  const { pending, error, onSubmit } = useFormAction(
    (data) => {
      setSaved(null);
      return setRule(ruleOf(data));
    },
    (data) => {
      const rule = ruleOf(data);
      setSaved(`${rule.domain}.${rule.field} is owned by ${rule.owningSystem}.`);
    },
  );

  return (
    <form onSubmit={onSubmit} aria-labelledby="rule-form-heading" className="mb-4 rounded-card border border-line bg-surface p-4 shadow-card" data-testid="ownership-rule-form">
      <h3 id="rule-form-heading" className="mb-3 text-sm font-semibold text-ink">Set an owner</h3>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField name="domain" label="Entity" options={domains} defaultValue="Client" />
        <label className={label}>
          Field (or *)
          <input name="field" required maxLength={100} placeholder="e.g. billToLegalEntityId" className={input} />
        </label>
        <SelectField name="owningSystem" label="Owning system" options={systems} defaultValue="ERP" />
        <label className={`${label} min-w-56 flex-1`}>
          Note
          <input name="note" maxLength={500} placeholder="Why this system owns it" className={input} />
        </label>
        <button type="submit" disabled={pending} className={submitButton}>
          Save rule
        </button>
      </div>
      <FormError message={error} />
      {saved ? (
        <p role="status" className="mt-2 text-sm text-ink-muted">
          {saved}
        </p>
      ) : null}
    </form>
  );
}
