// The dry-run diff of a correction: which record in which system changes, field by field,
// from the value Threadline believes it holds to the corrected one, and the money it moves.
import type { CorrectionView } from '@/lib/services/corrections/correction-record';
import { formatAmount } from '@/components/ui/format-number';

const columns = ['System', 'Record', 'Field', 'Now', 'Corrected'];

export function CorrectionDiffTable({ correction }: { correction: CorrectionView }) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-ink">{correction.summary}</p>
      {/* Focusable so a keyboard can scroll a wide diff. */}
      <div className="overflow-x-auto rounded-md border border-line" tabIndex={0} role="region" aria-label="Correction diff">
        <table className="w-full text-left text-xs" data-testid="correction-diff">
          <caption className="sr-only">What the correction changes, where</caption>
          <thead className="border-b border-line uppercase tracking-wide text-ink-muted">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="px-2 py-1.5 font-medium">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {correction.diff.map((row) => (
              <tr key={`${row.connector}:${row.recordId}:${row.field}`}>
                <td className="px-2 py-1.5">{row.system} <span className="font-mono text-ink-muted">({row.connector})</span></td>
                <td className="px-2 py-1.5">
                  {row.recordType} <span className="font-mono text-ink-muted">{row.externalId ?? row.recordId}</span>
                </td>
                <td className="px-2 py-1.5 font-mono">{row.field}</td>
                <td className="px-2 py-1.5 font-mono text-ink-muted"><del>{row.current ?? 'unknown'}</del></td>
                <td className="px-2 py-1.5 font-mono font-medium text-ink"><ins className="no-underline">{row.corrected}</ins></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-ink-muted" data-testid="correction-money">
        {correction.movesMoney && correction.amount
          ? `Moves money: ${formatAmount(correction.amount.amount)} ${correction.amount.currency}. Finance approves it before it is sent.`
          : 'Moves no money: it is sent when you push it.'}
      </p>
    </div>
  );
}
