// An inbox event's status (DESIGN.md §5) as a badge: processed is done, received and
// parked are waiting, failed is retrying on its own, held needs a person, superseded was
// set aside on purpose.
import type { InboxEventStatus } from '@/lib/db/generated/enums';
import { Badge, type BadgeTone } from '@/components/ui/badge';

const tones: Record<InboxEventStatus, BadgeTone> = {
  RECEIVED: 'neutral',
  PROCESSING: 'neutral',
  PROCESSED: 'accent',
  FAILED: 'warning',
  PARKED: 'warning',
  HELD: 'danger',
  SUPERSEDED: 'muted',
};

export const inboxEventStatuses = Object.keys(tones) as InboxEventStatus[];

export function EventStatusBadge({ status }: { status: InboxEventStatus }) {
  return (
    <Badge tone={tones[status]} testId="event-status">
      {status}
    </Badge>
  );
}
