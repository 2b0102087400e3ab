// The cash workflows (payments from the gateway and the bank, disputes, refunds), for the inbox
// processor's registry to include.
import { paymentDisputedWorkflow } from './payment-disputed.ts';
import { paymentReceivedWorkflow } from './payment-received.ts';
import { paymentRefundedWorkflow } from './payment-refunded.ts';
import type { Workflow } from './workflow.ts';

export const cashWorkflows: readonly Workflow[] = [paymentReceivedWorkflow, paymentDisputedWorkflow, paymentRefundedWorkflow] as readonly Workflow[];
