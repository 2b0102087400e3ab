// An open invoice's accounts-receivable ageing bucket as a badge: not yet due is quiet,
// overdue buckets warn, and past 60 days is a danger.
import { ageingBucketLabels, type AgeingBucket } from '@/lib/domain/cash/invoice-ageing';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const tones: Record<AgeingBucket, BadgeTone> = { current: 'neutral', '1-30': 'warning', '31-60': 'warning', '61-90': 'danger', '90+': 'danger' };

export function AgeingBadge({ bucket }: { bucket: AgeingBucket | null }) {
  if (bucket === null) return <span className="text-ink-muted">—</span>;
  return <Badge tone={tones[bucket]} testId="ageing">{ageingBucketLabels[bucket]}</Badge>;
}
