/**
 * The faults module's contract: fault and entrapment reports on a lift in service, from the car's
 * QR code, the household page or staff, and their timeline.
 */
import { z } from 'zod';
import {
  FAULT_CHANNELS,
  FAULT_KINDS,
  FAULT_STEPS,
  MOVE_STEPS,
  STAFF_CHANNELS,
} from '../../../core/faults.ts';
import { instant } from '../../platform/contract.ts';
import { isValidPhone } from '../../../core/privacy.ts';
import { bilingualIssue, optionalText, pageQuery } from '../../platform/http.ts';
import { ownersUpkeep } from '../lifts/contract.ts';

/** A phone to call back on, or nothing. */
const phone = z
  .string()
  .trim()
  .max(20)
  .superRefine((v, ctx) => {
    if (v !== '' && !isValidPhone(v))
      bilingualIssue(
        ctx,
        '应为 11 位手机号或座机号（如 021-65431234）',
        'must be an 11-digit mobile or a landline like 021-65431234',
        true,
      );
  });

const kind = z.enum(FAULT_KINDS).meta({ description: '困人或故障 A person trapped, or a fault' });
const step = z.enum(FAULT_STEPS);

/** What anyone reporting leaves: nothing personal is required. */
export const faultReportBody = z.object({
  kind,
  description: optionalText(500).default(''),
  contactName: optionalText(50).optional(),
  contactPhone: phone.optional(),
});
export type FaultReportInput = z.infer<typeof faultReportBody>;

export const staffFaultBody = faultReportBody.extend({
  liftId: z.uuid(),
  channel: z.enum(STAFF_CHANNELS),
  reportedAt: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: '电话打来的时间，默认现在 When the call came; now by default' }),
});
export type StaffFaultInput = z.infer<typeof staffFaultBody>;

export const faultStepBody = z.object({
  step: z.enum(MOVE_STEPS),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: '发生时间，默认现在 When it happened; now by default' }),
  resolution: optionalText(1000)
    .optional()
    .meta({ description: '处理情况（修复或办结时）What was done (when fixed or closed)' }),
});
export type FaultStepInput = z.infer<typeof faultStepBody>;

export const liftCodeParams = z.object({ liftCode: z.string().trim().min(1).max(40) });
export const faultRefParams = liftCodeParams.extend({ ref: z.string().trim().min(1).max(20) });

export const faultListQuery = z.object({
  ...pageQuery,
  open: z.enum(['true', 'false']).optional().meta({ description: '只看未办结的 Only those not closed' }),
  kind: kind.optional(),
  committeeId: z.uuid().optional(),
  liftId: z.uuid().optional(),
});

const responseTimes = z.object({
  toAcknowledge: z.number().int().nullable(),
  toOnSite: z.number().int().nullable(),
  toFixed: z.number().int().nullable(),
  onSiteLimit: z.number().int().meta({ description: '到场时限（分钟）Minutes allowed to be on site' }),
  withinLimit: z.boolean().nullable(),
  overdue: z.boolean(),
});

const timelineStep = z.object({ step, at: instant, by: z.string() });

/** What a report shows without any personal data: the reporter's status check, the household page. */
export const faultStatus = z.object({
  ref: z.string(),
  kind,
  liftName: z.string(),
  step,
  reportedAt: instant,
  timeline: z.array(z.object({ step, at: instant })),
  resolution: z.string(),
});
export type FaultStatus = z.infer<typeof faultStatus>;

export const fault = z.object({
  id: z.uuid(),
  ref: z.string(),
  liftId: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  committeeId: z.uuid(),
  kind,
  channel: z.enum(FAULT_CHANNELS),
  description: z.string(),
  fromLabel: z.string(),
  contactName: z
    .string()
    .meta({ description: '无权查看个人信息的角色看到的是遮蔽后的 Masked for roles without personal data' }),
  contactPhone: z.string(),
  reportedAt: instant,
  step,
  nextStep: z.enum(MOVE_STEPS).nullable(),
  timeline: z.array(timelineStep),
  resolution: z.string(),
  response: responseTimes,
  repeated: z.boolean().meta({ description: '该电梯近期多次报修 The lift has failed repeatedly of late' }),
  createdAt: instant,
  updatedAt: instant,
});
export type Fault = z.infer<typeof fault>;

export const faultList = z.object({
  items: z.array(fault),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const publicLift = z.object({
  liftName: z.string(),
  emergencyPhone: z.string(),
  upkeep: ownersUpkeep,
});

export const residentFaults = z.object({
  lift: publicLift
    .nullable()
    .meta({ description: '本户所在项目的电梯（投入使用后）The household’s lift, once in service' }),
  reports: z.array(faultStatus.extend({ mine: z.boolean() })),
});
