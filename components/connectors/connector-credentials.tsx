// A connector's credentials as far as anyone may see them: the token's display prefix
// (and a previous token's overlap), its signing secrets by fingerprint and state. ADMIN
// gets the rotation controls; the values themselves are never shown again after issue.
import type { ConnectorView } from '@/lib/queries/connectors/connector-view';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DateText } from '@/components/ui/date-text';
import { RotateCredential, type RotateAction } from './rotate-credential';

const secretTone: Record<ConnectorView['secrets'][number]['state'], BadgeTone> = { current: 'accent', scheduled: 'neutral', expired: 'muted', revoked: 'muted' };

export function ConnectorCredentials({ connector: c, rotateAction }: { connector: ConnectorView; rotateAction?: RotateAction }) {
  return (
    <div className="rounded-card border border-line bg-surface p-4 shadow-card" data-testid="connector-credentials">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-muted">Token</dt>
        <dd className="font-mono text-ink" data-testid="token-prefix">
          {c.tokenPrefix ? `${c.tokenPrefix}…` : 'none'}
          {c.previousTokenValidUntil ? <span className="ml-2 font-sans text-xs text-ink-muted">previous token works until <DateText value={c.previousTokenValidUntil} kind="instant" /></span> : null}
        </dd>
        <dt className="text-ink-muted">Signatures</dt>
        <dd className="text-ink">{c.requiresSignature ? 'required (Threadline-Signature)' : 'not required: no signing secret'}</dd>
        <dt className="text-ink-muted">Endpoint</dt>
        <dd className="break-all font-mono text-xs text-ink">{c.endpoint ?? '—'}</dd>
      </dl>
      {c.secrets.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm" data-testid="secrets">
          {c.secrets.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-xs text-ink">{s.fingerprint}</span>
              <Badge tone={secretTone[s.state]}>{s.state}</Badge>
              <span className="text-xs text-ink-muted">
                from <DateText value={s.activeFrom} kind="instant" />
                {s.expiresAt ? (
                  <>
                    {' until '}
                    <DateText value={s.expiresAt} kind="instant" />
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {rotateAction ? (
        <div className="mt-4 border-t border-line pt-4">
          <RotateCredential code={c.code} rotateAction={rotateAction} />
        </div>
      ) : null}
    </div>
  );
}
