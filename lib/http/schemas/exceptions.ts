// Request schemas of the exceptions API (GET /api/v1/exceptions, POST .../{id}/actions),
// shared with the console's server actions and, later, the OpenAPI document.
import { z } from 'zod';
import { EntityType, ExceptionCode, ExceptionStatus, OwnerTeam, Recoverability } from '../../db/generated/enums.ts';
import { DEFAULT_EXCEPTION_PAGE_SIZE, MAX_EXCEPTION_PAGE_SIZE } from '../../queries/exceptions/list-exceptions.ts';
import { exceptionSorts } from '../../queries/exceptions/exception-sort.ts';
import { exceptionActionNames, MAX_BULK_EXCEPTIONS } from '../../services/exceptions/exception-actions.ts';
import { queryList } from './query-list.ts';

export const listExceptionsQuerySchema = z.object({
  status: queryList(z.enum(ExceptionStatus)),
  code: queryList(z.enum(ExceptionCode)),
  owner: queryList(z.enum(OwnerTeam)),
  recoverability: queryList(z.enum(Recoverability)),
  /** A user id, "me", or "none" for the unassigned ones. */
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  correlationId: z.string().min(1).max(200).optional(),
  entityType: z.enum(EntityType).optional(),
  entityId: z.string().min(1).max(200).optional(),
  legalEntity: queryList(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'A legal entity code, e.g. US01.')),
  connector: queryList(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'A connector code, e.g. crm.')),
  sort: z.enum(exceptionSorts).default('default'),
  cursor: z.string().min(1).max(1000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EXCEPTION_PAGE_SIZE).default(DEFAULT_EXCEPTION_PAGE_SIZE),
});

export const exceptionIdParamsSchema = z.object({ id: z.uuid() });

export const exceptionActionSchema = z.object({
  action: z.enum(exceptionActionNames),
  assigneeId: z.uuid().optional(),
  note: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(2000).optional(),
  /** push-correction: answer the dry-run diff and write nothing. */
  dryRun: z.boolean().optional(),
  /** push-correction: the corrected value where Threadline cannot know it (INVALID_LEGAL_ENTITY: a legal entity code). */
  value: z.string().trim().min(1).max(64).optional(),
});

/** Bulk triage from the queue: only assign for now (the other actions need a note or a look each). */
export const bulkExceptionActionSchema = z.object({
  action: z.literal('assign'),
  exceptionIds: z.array(z.uuid()).min(1).max(MAX_BULK_EXCEPTIONS),
  assigneeId: z.uuid().optional(),
});

/** An inline fix: for each value the exception names, the canonical one chosen. */
export const inlineFixSchema = z.object({
  choices: z.array(z.object({ external: z.string().min(1).max(200), canonical: z.string().trim().min(1).max(200) })).min(1).max(50),
  /** Replay the held events in the same call (default); false to replay later. */
  replay: z.boolean().default(true),
});

export type ExceptionActionInput = z.input<typeof exceptionActionSchema>;
