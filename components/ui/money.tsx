// An amount as people read it: grouped digits with the currency's own minor units (JPY
// none, USD two), then its ISO code. Amounts arrive as exact decimal strings; no float.
import { minorUnits } from '@/lib/domain/money/currency';
import { formatAmount } from './format-number';

export function formatMoney(amount: string, currency: string): string {
  const scale = minorUnits(currency);
  const grouped = formatAmount(amount, scale);
  return scale === 0 ? grouped.replace(/\.$/, '') : grouped;
}

export function Money({ amount, currency, showCurrency = true, className = '' }: { amount: string | null | undefined; currency: string; showCurrency?: boolean; className?: string }) {
  if (amount === null || amount === undefined) return <span className="text-ink-muted">—</span>;
  const negative = amount.trim().startsWith('-');
  return (
    <span className={`money ${negative ? 'text-danger' : ''} ${className}`}>
      {formatMoney(amount, currency)}
      {showCurrency ? <span className="ml-1 text-xs text-ink-muted">{currency}</span> : null}
    </span>
  );
}
