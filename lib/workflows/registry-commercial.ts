// The commercial workflows (quote acceptance, change orders, project creation), for the
// inbox processor's registry to include.
import { changeOrderApprovedWorkflow } from './change-order-approved.ts';
import { projectCreatedWorkflow } from './project-created.ts';
import { quoteAcceptedWorkflow } from './quote-accepted.ts';
import type { Workflow } from './workflow.ts';

export const commercialWorkflows: readonly Workflow[] = [quoteAcceptedWorkflow, changeOrderApprovedWorkflow, projectCreatedWorkflow];
