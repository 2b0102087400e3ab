// The master-data workflows (employees from the HCM, clients from the CRM/ERP), for the
// inbox processor's registry to include.
import { clientUpdatedWorkflow } from './client-updated.ts';
import { employeeUpdatedWorkflow } from './employee-updated.ts';
import type { Workflow } from './workflow.ts';

export const masterDataWorkflows: readonly Workflow[] = [employeeUpdatedWorkflow, clientUpdatedWorkflow];
