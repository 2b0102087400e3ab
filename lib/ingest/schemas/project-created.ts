// q2c.project.created.v1 — the PSA created the project for an engagement shell; its id
// goes into the id crosswalk and activates the engagement.
import { z } from 'zod';
import { identifier } from './fields.ts';

export const projectCreatedData = z.looseObject({
  engagementRef: identifier,
  psaProjectId: identifier,
});

export type ProjectCreatedData = z.output<typeof projectCreatedData>;
