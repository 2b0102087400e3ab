// Mappings: connected systems' SKUs → catalog SKUs (editable with ownership:manage), the
// service catalog itself and the rate cards with their lines.
import type { ActionResult } from '@/lib/http/action-result';
import { loadForPage } from '@/lib/http/load-for-page';
import { listConnectors } from '@/lib/queries/connectors/list-connectors';
import { listRateCards, listServiceCatalog, listServiceRoles } from '@/lib/queries/stewardship/list-rate-cards';
import { listSkuMappings } from '@/lib/queries/stewardship/list-sku-mappings';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { ActionButton } from './action-button';
import { DataTable } from '@/components/ui/data-table';
import { RateForm, type SetRateAction } from './rate-form';
import { SkuMappingForm, type SetSkuMappingAction } from './sku-mapping-form';


export async function MappingsSection({ actions }: { actions?: { setMapping: SetSkuMappingAction; deactivate: (input: { id: string }) => Promise<ActionResult<unknown>>; setRate: SetRateAction } }) {
  const loaded = await loadForPage('mappings', async () => {
    const [mappings, catalog, rateCards, connectors, roles] = await Promise.all([listSkuMappings(), listServiceCatalog(), listRateCards(), listConnectors({ now: new Date() }), listServiceRoles()]);
    return { mappings, catalog, rateCards, connectors, roles };
  });
  if (!loaded.ok) return <ErrorState title="Mappings could not be loaded">{loaded.message}</ErrorState>;
  const { mappings, catalog, rateCards, connectors, roles } = loaded.data;
  return (
    <div className="space-y-8">
      <section aria-labelledby="sku-heading">
        <h2 id="sku-heading" className="mb-3 text-sm font-semibold text-ink">
          SKU mappings <span className="font-normal text-ink-subtle">({mappings.length})</span>
        </h2>
        {actions ? <SkuMappingForm systems={connectors.map((c) => c.code)} skus={catalog.filter((i) => i.active).map((i) => i.sku)} setMapping={actions.setMapping} /> : null}
        {mappings.length === 0 ? (
          <EmptyState title="No SKU mappings">Quotes whose SKUs are catalog SKUs need none; map a system&apos;s own SKUs here when a quote is held with UNMAPPED_SERVICE_SKU.</EmptyState>
        ) : (
          <DataTable testId="sku-mappings-table" label="SKU mappings" columns={[{ label: 'System' }, { label: 'Its SKU' }, { label: 'Catalog SKU' }, { label: 'State' }, actions && { label: 'Actions', hidden: true }]}>
                {mappings.map((m) => (
                  <tr key={m.id} data-testid="sku-mapping-row">
                    <td className="px-3 py-2 font-mono text-xs text-ink">{m.system}</td>
                    <td className="px-3 py-2 font-mono text-xs text-ink">{m.externalSku}</td>
                    <td className="px-3 py-2 font-mono text-xs font-medium text-ink">{m.sku}</td>
                    <td className="px-3 py-2">
                      <Badge tone={m.active ? 'accent' : 'muted'}>{m.active ? 'active' : 'inactive'}</Badge>
                    </td>
                    {actions ? (
                      <td className="px-3 py-2 text-right">
                        {m.active ? <ActionButton label="Deactivate" tone="danger" action={actions.deactivate} input={{ id: m.id }} confirm={`Stop mapping ${m.system} ${m.externalSku} to ${m.sku}?`} /> : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
          </DataTable>
        )}
      </section>
      <section aria-labelledby="catalog-heading">
        <h2 id="catalog-heading" className="mb-3 text-sm font-semibold text-ink">Service catalog</h2>
        <DataTable testId="catalog-table" label="Service catalog" columns={[{ label: 'SKU' }, { label: 'Name' }, { label: 'Kind' }, { label: 'Role' }, { label: 'Revenue' }]}>
              {catalog.map((i) => (
                <tr key={i.id}>
                  <td className="px-3 py-2 font-mono text-xs font-medium text-ink">{i.sku}</td>
                  <td className="px-3 py-2 text-ink">{i.name}</td>
                  <td className="px-3 py-2 text-ink-muted">{i.kind.toLowerCase()} per {i.unitOfMeasure.toLowerCase()}</td>
                  <td className="px-3 py-2 text-ink-muted">{i.role ?? '—'}</td>
                  <td className="px-3 py-2 text-ink-muted">{i.revenueTreatment?.toLowerCase().replace(/_/g, ' ') ?? '—'}</td>
                </tr>
              ))}
        </DataTable>
      </section>
      <section aria-labelledby="rates-heading">
        <h2 id="rates-heading" className="mb-3 text-sm font-semibold text-ink">Rate cards</h2>
        {rateCards.length === 0 ? <EmptyState title="No rate cards">Standard rate cards are part of the reference data.</EmptyState> : null}
        <div className="grid gap-4 lg:grid-cols-2">
          {rateCards.map((rc) => (
            <div key={rc.id} data-testid="rate-card">
            <DataTable
              testId={`rate-card-${rc.code}`}
              caption={
                <>
                  {rc.code} · {rc.name} <span className="text-xs text-ink-muted">({rc.currency}{rc.legalEntityCode ? `, ${rc.legalEntityCode}` : ''})</span>
                </>
              }
              columns={[{ label: 'Role' }, { label: 'Rate / h', right: true }, { label: 'Effective' }]}
            >
                  {rc.lines.map((l) => (
                    <tr key={l.id}>
                      <td className="px-3 py-2 text-ink">{l.role}</td>
                      <td className="money px-3 py-2 text-right text-ink">
                        {l.rate} <span className="text-xs text-ink-subtle">{l.currency}</span>
                      </td>
                      <td className="px-3 py-2 text-xs tabular-nums text-ink-muted">
                        {l.effectiveFrom} → {l.effectiveTo ?? 'open'}
                      </td>
                    </tr>
                  ))}
            </DataTable>
            {actions ? <RateForm rateCardCode={rc.code} roles={roles} setRate={actions.setRate} /> : null}
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
