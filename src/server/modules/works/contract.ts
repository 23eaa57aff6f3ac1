/**
 * The works module's contract: a project's works (milestones with planned and actual dates, the
 * contractor and supervisor, the site log), the acceptance and handover checklist, and the street's
 * milestone template.
 */
import { z } from 'zod';
import { STAGES } from '../../../core/stages.ts';
import { ACCEPTANCE_ITEMS, MILESTONE_STATUSES } from '../../../core/works.ts';
import { day, instant } from '../../platform/contract.ts';
import { bilingualIssue, optionalText, shortText } from '../../platform/http.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const date = z.iso.date();
const phone = optionalText(30).superRefine((s, ctx) => {
  if (s && !/^[0-9+\-() ]{5,30}$/.test(s))
    bilingualIssue(ctx, '应为电话号码', 'must be a phone number', true);
});

// ---------------------------------------------------------------- template

export const milestoneTemplate = z
  .array(
    z.object({
      key: z.string().regex(/^[a-z0-9_]{2,40}$/),
      name: z.object({ zh: shortText(100), en: shortText(200) }),
      days: z.number().int().min(1).max(365),
    }),
  )
  .min(1)
  .max(30);

export const worksTemplateBody = z.object({ milestones: milestoneTemplate });
export const worksTemplate = z.object({
  milestones: milestoneTemplate,
  isDefault: z
    .boolean()
    .meta({ description: '街道尚未修改，为系统默认 The street has not edited it: the defaults' }),
});

// ---------------------------------------------------------------- milestones

/** A milestone by its key in the project (an unknown key is not found, as an unknown id is). */
export const milestoneKeyParams = z.object({
  id: z.uuid(),
  key: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: '节点代码，如 foundation The milestone’s key, e.g. foundation' }),
});

export const milestonePatch = z.object({
  status: z.enum(MILESTONE_STATUSES).optional(),
  plannedStart: date.nullable().optional(),
  plannedEnd: date.nullable().optional(),
  actualStart: date.nullable().optional(),
  actualEnd: date.nullable().optional(),
  note: optionalText(2000).optional(),
});
export type MilestonePatch = z.infer<typeof milestonePatch>;

export const milestone = z.object({
  key: z.string(),
  name: bilingual,
  position: z.number().int(),
  status: z.enum(MILESTONE_STATUSES),
  statusLabel: bilingual,
  plannedStart: day.nullable(),
  plannedEnd: day.nullable(),
  actualStart: day.nullable(),
  actualEnd: day.nullable(),
  note: z.string(),
  dueOn: day.nullable().meta({
    description:
      '应完成日：计划完成日；使用登记为投用后 30 日 The day it is due: its planned end; for the use registration 30 days after entering use',
  }),
  overdue: z.boolean(),
  beforeAcceptance: z
    .boolean()
    .meta({ description: '进入验收阶段前须完成 Must be done before the acceptance stage' }),
});
export type Milestone = z.infer<typeof milestone>;

// ---------------------------------------------------------------- parties

export const partiesBody = z.object({
  contractorName: shortText(100),
  contractorLicence: optionalText(60).optional(),
  siteManager: optionalText(50).optional(),
  siteManagerPhone: phone.optional(),
  supervisorName: optionalText(100).optional(),
  supervisorContact: optionalText(50).optional(),
  supervisorPhone: phone.optional(),
});
export type PartiesInput = z.infer<typeof partiesBody>;

export const parties = z.object({
  contractorName: z.string(),
  contractorLicence: z.string(),
  siteManager: z.string(),
  siteManagerPhone: z.string(),
  supervisorName: z.string(),
  supervisorContact: z.string(),
  supervisorPhone: z.string(),
  updatedAt: instant,
});

// ---------------------------------------------------------------- site log

export const logBody = z.object({
  on: date,
  weather: optionalText(50).optional(),
  workDone: shortText(2000),
  workers: z.number().int().min(0).max(500),
  safetyChecks: optionalText(2000).optional(),
});
export type LogInput = z.infer<typeof logBody>;

/** The fields of a site log photo upload besides its file (multipart). */
export const logPhotoFields = z.object({ caption: optionalText(200).optional() });
export const logEntryParams = z.object({ id: z.uuid(), entryId: z.uuid() });
export const logPhotoParams = logEntryParams.extend({ photoId: z.uuid() });

export const logPhoto = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  caption: z.string(),
  byName: z.string(),
  createdAt: instant,
});
export type LogPhoto = z.infer<typeof logPhoto>;

export const logEntry = z.object({
  id: z.uuid(),
  on: day,
  weather: z.string(),
  workDone: z.string(),
  workers: z.number().int(),
  safetyChecks: z.string(),
  byName: z.string(),
  createdAt: instant,
  photos: z.array(logPhoto).meta({ description: '现场照片，先传的在前 Photos of the site, oldest first' }),
});

// ---------------------------------------------------------------- acceptance

/** An item of the checklist by its key (an unknown one is not found, as an unknown id is). */
export const acceptanceItemParams = z.object({
  id: z.uuid(),
  item: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: `验收事项 The item: ${ACCEPTANCE_ITEMS.join(', ')}` }),
});
export const acceptanceBody = z.object({
  done: z.boolean(),
  documentId: z.uuid().nullable().optional(),
  reference: optionalText(60).optional(),
  note: optionalText(1000).optional(),
});
export type AcceptanceInput = z.infer<typeof acceptanceBody>;

export const acceptanceItem = z.object({
  item: z.enum(ACCEPTANCE_ITEMS),
  label: bilingual,
  needsReference: z.boolean(),
  done: z.boolean(),
  documentId: z.uuid().nullable(),
  documentTitle: z.string().nullable(),
  reference: z.string(),
  note: z.string(),
  doneAt: instant.nullable(),
  doneByName: z.string().nullable(),
});
export type AcceptanceItemView = z.infer<typeof acceptanceItem>;

// ---------------------------------------------------------------- the works of a project

export const works = z.object({
  stage: z.enum(STAGES),
  copied: z.boolean().meta({
    description:
      '已从街道模板复制；否则为模板的预览，首次修改时复制 Copied from the street template; otherwise a preview of it, copied at the first write',
  }),
  editable: z
    .boolean()
    .meta({ description: '项目处于可记录施工的阶段 The project is at a stage the works are recorded in' }),
  milestones: z.array(milestone),
  openBeforeAcceptance: z.array(bilingual),
  overdue: z.number().int(),
  enteredUseOn: day.nullable(),
  registrationDueOn: day
    .nullable()
    .meta({ description: '使用登记截止日（投用后 30 日）Use registration due (30 days after entering use)' }),
  parties: parties.nullable(),
  log: z
    .array(logEntry)
    .meta({ description: '最近的施工日志，新的在前 The latest site log entries, newest first' }),
  acceptance: z.array(acceptanceItem).nullable().meta({
    description:
      '竣工验收与移交清单；施工阶段起显示 The acceptance and handover checklist, from the works on',
  }),
  liftRecorded: z.boolean(),
});
export type Works = z.infer<typeof works>;
