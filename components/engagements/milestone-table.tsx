// A fixed-fee engagement's milestones: amount, due date, status (billable only when
// completed, approved and evidenced), the evidence behind each, and — for people who fix
// delivery data — a way to attach evidence to a completed milestone.
import type { EngagementDetail } from '@/lib/http/schemas/engagements';
import type { MilestoneEvidenceView } from '@/lib/queries/engagements/engagement-delivery';
import { Badge } from '@/components/ui/badge';
import { DataTable, Th } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { DateText } from '@/components/ui/date-text';
import { Money } from '@/components/ui/money';
import { milestoneStatusLabels, milestoneStatusTones } from '@/components/cash/money-labels';
import { AttachEvidenceForm, type AttachEvidence } from './attach-evidence-form';

export function MilestoneTable({ milestones, evidence, attach }: { milestones: EngagementDetail['milestones']; evidence: MilestoneEvidenceView[]; attach: AttachEvidence | null }) {
  if (milestones.length === 0) return <EmptyState title="No milestones">Milestones belong to fixed-fee engagements; this one bills another way.</EmptyState>;
  return (
    <DataTable
      label="Milestones"
      testId="milestones"
      head={
        <>
          <Th>Milestone</Th>
          <Th align="right">Amount</Th>
          <Th>Due</Th>
          <Th>Status</Th>
          <Th>Completed</Th>
          <Th>PM approval</Th>
          <Th>Evidence</Th>
        </>
      }
    >
      {milestones.map((m) => {
        const docs = evidence.filter((e) => e.milestoneId === m.id);
        const canAttach = attach !== null && (m.status === 'COMPLETED' || m.status === 'BILLABLE' || m.status === 'INVOICED');
        return (
          <tr key={m.id} data-testid="milestone-row" data-ref={m.ref} className="align-top">
            <td className="px-3 py-2">
              <span className="font-medium text-ink">{m.name}</span>
              <div className="font-mono text-xs text-ink-muted">{m.ref}</div>
            </td>
            <td className="px-3 py-2 text-right"><Money amount={m.amount} currency={m.currency} /></td>
            <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={m.dueDate} kind="business-date" /></td>
            <td className="px-3 py-2"><Badge tone={milestoneStatusTones[m.status]} testId="milestone-status">{milestoneStatusLabels[m.status]}</Badge></td>
            <td className="whitespace-nowrap px-3 py-2 text-ink-muted"><DateText value={m.completedAt} kind="instant-day" /></td>
            <td className="px-3 py-2 text-ink-muted">{m.approvedBy ?? <span className="text-danger">Not approved</span>}</td>
            <td className="min-w-64 px-3 py-2">
              {docs.length === 0 ? (
                <span className={m.status === 'COMPLETED' ? 'text-danger' : 'text-ink-muted'}>None</span>
              ) : (
                <ul className="space-y-1 text-xs">
                  {docs.map((d) => (
                    <li key={d.sha256}>
                      <a href={d.uri} className="break-all text-accent hover:text-accent-strong" rel="noreferrer noopener" target="_blank">{d.uri}</a>
                      <div className="font-mono text-ink-muted" title={d.sha256}>sha256 {d.sha256.slice(0, 12)}… · {d.bySystem ? 'from the PSA' : 'attached by hand'}</div>
                    </li>
                  ))}
                </ul>
              )}
              {canAttach ? <AttachEvidenceForm milestoneId={m.id} milestoneRef={m.ref} attach={attach} /> : null}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
