/** The audit log's contract: the street admin's filters and the events they read. */
import { z } from 'zod';
import { instant } from '../../platform/contract.ts';
import { pageQuery } from '../../platform/http.ts';

export const auditQuery = z.object({
  page: pageQuery.page,
  pageSize: pageQuery.pageSize,
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  actor: z.string().max(64).meta({ description: '操作人姓名的一部分 Part of the actor’s name' }).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.output<typeof auditQuery>;

/** One write as recorded, in the same transaction as the write; personal data in it is masked. */
export const auditEvent = z.object({
  id: z.number().int(),
  at: instant,
  actorUserId: z.uuid().nullable().meta({
    description: '操作人账号；系统或命令行为空 The acting account; null for the system or the command line',
  }),
  actorName: z.string(),
  action: z.string().meta({ examples: ['create', 'update', 'delete', 'reveal'] }),
  entity: z.string().meta({ examples: ['estate', 'unit', 'person', 'notice'] }),
  entityId: z.string().nullable(),
  streetId: z.uuid().nullable(),
  committeeId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  summary: z.string(),
  before: z.unknown().meta({
    description: '变更前（更新时只含改动的字段）The values before; on an update only the fields that changed',
  }),
  after: z.unknown().meta({ description: '变更后 The values after' }),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditResponse = z.object({
  items: z.array(auditEvent),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
