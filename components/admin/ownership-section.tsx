// The data-stewardship rules (DESIGN.md §6): which system owns which field of which
// entity. A change from a system that does not own the field raises OWNERSHIP_VIOLATION.
import { EntityType, SystemKind } from '@/lib/db/generated/enums';
import type { ActionResult } from '@/lib/http/action-result';
import { loadForPage } from '@/lib/http/load-for-page';
import { listOwnershipRules } from '@/lib/queries/stewardship/list-ownership-rules';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { DateText } from '@/components/ui/date-text';
import { ActionButton } from './action-button';
import { DataTable } from '@/components/ui/data-table';
import { OwnershipRuleForm, type SetRuleAction } from './ownership-rule-form';

type DeleteRule = (input: { domain: EntityType; field: string }) => Promise<ActionResult<unknown>>;

export async function OwnershipSection({ actions }: { actions?: { setRule: SetRuleAction; deleteRule: DeleteRule } }) {
  const loaded = await loadForPage('ownership rules', () => listOwnershipRules());
  if (!loaded.ok) return <ErrorState title="Ownership rules could not be loaded">{loaded.message}</ErrorState>;
  return (
    <section aria-labelledby="ownership-heading">
      <h2 id="ownership-heading" className="mb-3 text-sm font-semibold text-ink">
        Data ownership rules <span className="font-normal text-ink-subtle">({loaded.data.length})</span>
      </h2>
      {actions ? <OwnershipRuleForm domains={Object.values(EntityType)} systems={Object.values(SystemKind)} setRule={actions.setRule} /> : null}
      {loaded.data.length === 0 ? (
        <EmptyState title="No ownership rules yet">Ownership rules decide which system may change which field; they appear here once configured.</EmptyState>
      ) : (
        <DataTable testId="ownership-table" label="Ownership rules" columns={[{ label: 'Entity' }, { label: 'Field' }, { label: 'Owned by' }, { label: 'Note' }, { label: 'Changed' }, actions && { label: 'Actions', hidden: true }]}>
              {loaded.data.map((r) => (
                <tr key={r.id} data-testid="ownership-row">
                  <td className="px-3 py-2 text-ink">{r.domain}</td>
                  <td className="px-3 py-2 font-mono text-xs text-ink">{r.field}</td>
                  <td className="px-3 py-2 font-medium text-ink">{r.owningSystem}</td>
                  <td className="px-3 py-2 text-ink-muted">{r.note ?? ''}</td>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums text-ink-muted"><DateText value={r.updatedAt} kind="instant" /></td>
                  {actions ? (
                    <td className="px-3 py-2 text-right">
                      <ActionButton label="Remove" tone="danger" action={actions.deleteRule} input={{ domain: r.domain, field: r.field }} confirm={`Remove the rule ${r.domain}.${r.field} → ${r.owningSystem}? Any system may then change it.`} />
                    </td>
                  ) : null}
                </tr>
              ))}
        </DataTable>
      )}
    </section>
  );
}
