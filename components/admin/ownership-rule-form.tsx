'use client';
// Set which system owns a field (or every field, "*") of a canonical entity. The same
// (entity, field) again changes its owner; the service refuses a field the entity lacks.
import { useState, useTransition, type FormEvent } from 'react';
import type { EntityType, SystemKind } from '@/lib/db/generated/enums';
import type { ActionResult } from '@/lib/http/action-result';
import { actionErrorText, formControl as input, formLabel as label, submitButton } from './action-error-text';
import { SelectField } from './select-field';

export type SetRuleAction = (input: { domain: EntityType; field: string; owningSystem: SystemKind; note?: string | null }) => Promise<ActionResult<unknown>>;


export function OwnershipRuleForm({ domains, systems, setRule }: { domains: readonly EntityType[]; systems: readonly SystemKind[]; setRule: SetRuleAction }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const rule = { domain: String(data.get('domain')) as EntityType, field: String(data.get('field') ?? ''), owningSystem: String(data.get('owningSystem')) as SystemKind, note: String(data.get('note') ?? '') || null };
    setError(null);
    setSaved(null);
    startTransition(async () => {
      const result = await setRule(rule);
      if (!result.ok) return setError(actionErrorText(result.error));
      setSaved(`${rule.domain}.${rule.field} is owned by ${rule.owningSystem}.`);
      form.reset();
    });
  }

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
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="mt-2 text-sm text-ink-muted">
          {saved}
        </p>
      ) : null}
    </form>
  );
}
