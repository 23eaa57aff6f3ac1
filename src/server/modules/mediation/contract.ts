/**
 * The mediation module's contract: what its routes take (body, query) and what they answer.
 * Fastify serialises each answer from these schemas, so a field not named here never leaves.
 */
import { z } from 'zod';
import { day, instant } from '../../platform/contract.ts';
import { optionalText, pageQuery, shortText } from '../../platform/http.ts';
import { calendarDate } from '../calendar/contract.ts';
import { OBJECTION_STATUSES } from '../../../core/notices.ts';
import {
  CLOSING_OUTCOMES,
  GOVERNANCES,
  MEDIATION_KINDS,
  OUTCOMES,
  PARTY_ROLES,
} from '../../../core/mediation.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const kind = z.enum(MEDIATION_KINDS);
const outcome = z.enum(OUTCOMES);
const governance = z.enum(GOVERNANCES);
const partyRole = z.enum(PARTY_ROLES);

// ---------------------------------------------------------------- requests

export const caseListQuery = z.object({
  ...pageQuery,
  committeeId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  status: outcome.optional(),
});

const party = z.object({
  unitId: z.uuid().optional(),
  name: optionalText(100).optional(),
  role: partyRole.optional(),
});
const caseFields = {
  kind,
  title: shortText(200),
  description: optionalText(10_000).optional(),
  complaint: optionalText(5000).optional(),
  parties: z.array(party).max(50).optional(),
};
const openedOn = calendarDate({ zh: '立案日期', en: 'opening date' }).optional();
export const caseCreate = z.object({ projectId: z.uuid(), ...caseFields, openedOn });
export const casePatch = z.object(caseFields).partial();
export const caseEscalate = z
  .object({ ...caseFields, openedOn })
  .partial()
  .nullish();
export const sessionBody = z.object({
  heldOn: calendarDate({ zh: '调解日期', en: 'session date' }),
  notes: shortText(10_000),
  governance: z.array(governance).min(1).max(4),
  attendees: optionalText(500).optional(),
});
export const caseClose = z.object({
  outcome: z.enum(CLOSING_OUTCOMES),
  note: optionalText(5000).optional(),
  closedOn: calendarDate({ zh: '结案日期', en: 'closing date' }).optional(),
});

// ---------------------------------------------------------------- answers

/** A case as lists and its page show it. */
export const mediationCase = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  committeeId: z.uuid(),
  kind,
  kindLabel: bilingual,
  title: z.string(),
  description: z.string(),
  sourceObjectionId: z
    .uuid()
    .nullable()
    .meta({ description: '转入调解的异议 The objection the case came from' }),
  sourceComplaint: z
    .string()
    .nullable()
    .meta({ description: '工作人员记录的投诉 A complaint written down by staff' }),
  outcome,
  outcomeLabel: bilingual,
  outcomeNote: z.string(),
  openedOn: day,
  closedOn: day.nullable(),
  agreement: z
    .object({
      fileId: z.uuid(),
      name: z.string().optional(),
      mime: z.string().optional(),
      size: z.number().int().optional(),
      sha256: z.string().optional(),
    })
    .nullable()
    .meta({
      description:
        '调解协议扫描件；文件名、类型、大小只在案件详情中给出 The signed agreement; its name, type and size only in the case’s detail',
    }),
  createdByName: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type MediationCase = z.infer<typeof mediationCase>;

export const caseListItem = mediationCase.extend({
  projectName: z.string(),
  sessionCount: z.number().int(),
  lastSessionOn: day.nullable(),
});
export type CaseListItem = z.infer<typeof caseListItem>;
export const caseListResponse = z.object({
  items: z.array(caseListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const projectCasesResponse = z.object({ items: z.array(caseListItem) });

/** A mediation session, with the governances it drew on. */
export const mediationSession = z.object({
  id: z.uuid(),
  heldOn: day,
  notes: z.string(),
  governance: z.array(governance),
  governanceLabels: z.array(bilingual),
  attendees: z.string(),
  byName: z.string(),
  createdAt: instant,
});
export const sessionResponse = mediationSession.extend({ caseId: z.uuid() });
export type MediationSession = z.infer<typeof sessionResponse>;

/** The case with its parties, sessions and the objection it came from; names masked for roles that do not contact residents. */
export const caseResponse = mediationCase.extend({
  parties: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid().nullable(),
      unitLabel: z.string().nullable(),
      name: z.string(),
      role: partyRole,
    }),
  ),
  sessions: z.array(mediationSession),
  sourceObjection: z
    .object({
      id: z.uuid(),
      noticeId: z.uuid(),
      text: z.string(),
      fromLabel: z.string(),
      fromName: z.string(),
      receivedOn: day,
      status: z.enum(OBJECTION_STATUSES),
    })
    .nullable(),
});
export type CaseDetail = z.infer<typeof caseResponse>;
