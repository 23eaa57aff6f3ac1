/**
 * The projects module's contract: what its routes take (body, query, params) and what they answer.
 * Fastify serialises each answer from these schemas, so a field not named here never leaves.
 */
import { z } from 'zod';
import { APPROVAL_STATUSES } from '../../../core/approvals.ts';
import { DOCUMENT_CATEGORIES } from '../../../core/documents.ts';
import { STAGES } from '../../../core/stages.ts';
import { day, instant } from '../../platform/contract.ts';
import { optionalText, pageQuery, shortText } from '../../platform/http.ts';

const date = z.iso.date();
const bilingual = z.object({ zh: z.string(), en: z.string() });
const stage = z.enum(STAGES);
const dayKind = z.enum(['natural', 'working']);

// ---------------------------------------------------------------- projects

export const projectListQuery = z.object({
  ...pageQuery,
  stage: stage.optional(),
  committeeId: z.uuid().optional(),
  stairwellId: z.uuid().optional(),
});

export const projectCreate = z.object({
  name: shortText(100),
  stairwellId: z.uuid(),
  adviserUserId: z.uuid().nullable().optional(),
  mobilisedOn: date.nullable().optional(),
  note: optionalText(2000).optional(),
});

export const projectPatch = z
  .object({
    name: shortText(100),
    adviserUserId: z.uuid().nullable(),
    mobilisedOn: date.nullable(),
    consultationOn: date.nullable(),
    worksStartedOn: date.nullable(),
    completedOn: date.nullable(),
    note: optionalText(2000),
  })
  .partial()
  .strict(); // a stage in here would be silently dropped: say so instead

/** A project as lists and its page show it: where it is, its stage, adviser and key dates. */
export const project = z.object({
  id: z.uuid(),
  name: z.string(),
  stage,
  pausedFrom: stage
    .nullable()
    .meta({ description: '暂停前的阶段（恢复时回到此阶段）The stage a paused project resumes to' }),
  stairwellId: z.uuid(),
  stairwellName: z.string(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  estateName: z.string(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  adviserUserId: z.uuid().nullable(),
  adviserName: z.string().nullable(),
  mobilisedOn: day.nullable(),
  consultationOn: day.nullable(),
  worksStartedOn: day.nullable(),
  completedOn: day.nullable(),
  note: z.string(),
  createdAt: instant,
  updatedAt: instant,
});
export type Project = z.infer<typeof project>;

export const projectListResponse = z.object({
  items: z.array(project),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  byStage: z.partialRecord(stage, z.number().int()).meta({
    description: '范围内各阶段的项目数（不受筛选影响）Projects in scope per stage, whatever the filter',
  }),
});

// ---------------------------------------------------------------- the method checklist

export const checklistItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const checklistTick = z.object({ done: z.boolean(), note: optionalText(500).optional() });

export const checklistItem = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  groupKey: z.string(),
  groupName: bilingual,
  itemKey: z.string(),
  text: bilingual,
  stage,
  position: z.number().int(),
  doneAt: instant.nullable(),
  doneByName: z.string().nullable(),
  note: z.string(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const checklistResponse = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      name: bilingual,
      done: z.number().int(),
      total: z.number().int(),
      items: z.array(checklistItem),
    }),
  ),
});
export type Checklist = z.infer<typeof checklistResponse>;

// ---------------------------------------------------------------- approvals

export const approvalPatch = z
  .object({
    status: z.enum(APPROVAL_STATUSES),
    startedOn: date.nullable(),
    submittedOn: date.nullable(),
    doneOn: date.nullable(),
    returnedReason: optionalText(500).nullable(),
    note: optionalText(2000),
  })
  .partial();

/** A project's approval step with its due date by its time limit. */
export const approvalStep = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  position: z.number().int(),
  key: z.string(),
  name: bilingual,
  agency: z.string(),
  documents: z.array(z.string()),
  limitDays: z.number().int(),
  dayKind,
  optional: z.boolean(),
  status: z.enum(APPROVAL_STATUSES),
  statusLabel: bilingual,
  startedOn: day.nullable(),
  submittedOn: day.nullable(),
  doneOn: day.nullable(),
  returnedReason: z.string().nullable(),
  note: z.string(),
  updatedAt: instant,
  dueOn: day.nullable().meta({
    description:
      '按时限算出的办结期限（未开始为 null）Due by the time limit from the start; null before it starts',
  }),
  dueProvisional: z.boolean().meta({
    description:
      '期限落在放假安排尚未确认的年份，确认后重算 The due date runs into a year whose holiday arrangement is not confirmed yet',
  }),
  overdue: z.boolean(),
});
export type ApprovalStep = z.infer<typeof approvalStep>;

export const approvalsResponse = z.object({
  steps: z.array(approvalStep),
  remaining: z
    .number()
    .int()
    .meta({ description: '尚未办结（或不适用）的环节数 Steps not yet done or not applicable' }),
  overdue: z.number().int(),
});
export type Approvals = z.infer<typeof approvalsResponse>;

export const bottlenecksResponse = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      name: bilingual,
      position: z.number().int(),
      done: z.number().int().meta({ description: '已办结的项目数 Projects where the step is done' }),
      avgDays: z
        .number()
        .meta({ description: '平均用时（自然日，一位小数）Average days from start to done, one decimal' }),
      maxDays: z.number().int(),
      inProgress: z.number().int(),
    }),
  ),
});
export type Bottlenecks = z.infer<typeof bottlenecksResponse>;

// ---------------------------------------------------------------- timeline

export const timelineQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const timelineResponse = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      at: instant,
      actorName: z.string(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string().nullable(),
      summary: z.string(),
    }),
  ),
  nextBefore: z.number().int().nullable().meta({
    description:
      '下一页的 before 参数；没有更早的事件为 null The `before` of the next page; null when nothing older',
  }),
});
export type Timeline = z.infer<typeof timelineResponse>;

// ---------------------------------------------------------------- documents

/** The fields of a document upload besides its file (multipart). */
export const documentFields = z.object({
  title: shortText(100),
  category: z.enum(DOCUMENT_CATEGORIES).default('other'),
});
export const documentVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) });

const fileFacts = {
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
};

export const documentVersion = z.object({
  version: z.number().int(),
  uploadedByName: z.string(),
  uploadedAt: instant,
  fileId: z.uuid(),
  ...fileFacts,
});

export const projectDocument = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  title: z.string(),
  category: z.enum(DOCUMENT_CATEGORIES),
  createdAt: instant,
  versions: z.array(documentVersion).meta({ description: '各版本，最新在前 Versions, newest first' }),
});
export const documentsResponse = z.object({ items: z.array(projectDocument) });

/** What an upload or a new version answers: the stored file and its version number. */
export const documentUploadResponse = z.object({
  documentId: z.uuid(),
  version: z.number().int(),
  id: z.uuid().meta({ description: '存储文件编号 The stored file' }),
  ...fileFacts,
});
export type DocumentUpload = z.infer<typeof documentUploadResponse>;

// ---------------------------------------------------------------- street templates

const methodTemplate = z
  .array(
    z.object({
      key: shortText(40),
      name: z.object({ zh: shortText(200), en: shortText(300) }),
      items: z
        .array(
          z.object({ key: shortText(40), text: z.object({ zh: shortText(200), en: shortText(300) }), stage }),
        )
        .min(3)
        .max(9),
    }),
  )
  .min(1)
  .max(20);
const approvalTemplate = z
  .array(
    z.object({
      key: shortText(40),
      name: z.object({ zh: shortText(200), en: shortText(300) }),
      agency: shortText(100),
      documents: z.array(shortText(100)).max(20),
      limitDays: z.number().int().min(1).max(365),
      dayKind,
      optional: z.boolean(),
    }),
  )
  .min(1)
  .max(40);
const subsidyRulesTemplate = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]{2,40}$/),
      name: z.object({ zh: shortText(200), en: shortText(300) }),
      rate: z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/),
      capFen: z.number().int().min(0).max(100_000_000_00).nullable(),
      source: optionalText(300),
    }),
  )
  .min(1)
  .max(20);
const decimalText = z.string().max(20);
const floors = z.record(z.string().regex(/^\d{1,2}$/), decimalText);
const exemptFloors = z.array(z.number().int().min(1).max(99)).max(99).optional();

/**
 * The four schemes of core/money/schemes.ts, as the street's presets hold them and the money
 * module's plans take and answer them.
 */
export const schemeInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('floor-coefficient-area'),
    coefficients: floors.meta({ description: '楼层 → 系数 Floor → coefficient, e.g. {"3": "0.7"}' }),
  }),
  z.object({
    kind: z.literal('floor-percent'),
    percents: floors.meta({ description: '楼层 → 百分比，合计 100 Floor → percent, summing to 100' }),
  }),
  z.object({ kind: z.literal('equal'), exemptFloors }),
  z.object({ kind: z.literal('area'), exemptFloors }),
]);
const schemePresetsTemplate = z
  .array(
    z.object({
      key: z.string().regex(/^[a-z0-9-]{2,40}$/),
      name: z.object({ zh: shortText(200), en: shortText(300) }),
      scheme: schemeInput,
    }),
  )
  .max(20);

export const templatesPatch = z.object({
  method: methodTemplate.optional(),
  approvalSteps: approvalTemplate.optional(),
  subsidyRules: subsidyRulesTemplate.optional(),
  schemePresets: schemePresetsTemplate.optional(),
});

/** The street's templates, which new projects copy; the same shapes as they are edited. */
export const templatesResponse = z.object({
  method: methodTemplate,
  approvalSteps: approvalTemplate,
  subsidyRules: subsidyRulesTemplate,
  schemePresets: schemePresetsTemplate,
  isDefault: z
    .boolean()
    .meta({ description: '街道尚未修改，为系统默认 The street has not edited them: the defaults' }),
});
