// An amount as it arrives from the API (already at its currency's scale), grouped, with
// its currency code: "42,300.00 USD", "1,200,000 JPY".
import { formatAmount } from '@/components/ui/format-number';

export function MoneyText({ amount, currency, className = '' }: { amount: string; currency?: string; className?: string }) {
  return (
    <span className={`money ${className}`}>
      {formatAmount(amount, 0)}
      {currency ? <span className="ml-1 text-xs text-ink-subtle">{currency}</span> : null}
    </span>
  );
}
