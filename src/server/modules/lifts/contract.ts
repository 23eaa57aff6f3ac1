/**
 * The lifts module's contract: a lift once built (its equipment record, who is responsible for its
 * use, how it is inspected) and the lifts of the caller's scope.
 */
import { z } from 'zod';
import { INSPECTION_PLANS, USE_UNIT_KINDS } from '../../../core/lifts.ts';
import { day, instant } from '../../platform/contract.ts';
import { bilingualIssue, optionalText } from '../../platform/http.ts';

/** "1.00" or "1.5" m/s → 100 or 150 hundredths: an exact decimal, never a float. */
const speed = z
  .string()
  .trim()
  .superRefine((s, ctx) => {
    if (!/^\d{1,2}(\.\d{1,2})?$/.test(s))
      bilingualIssue(
        ctx,
        '应为最多两位小数的数字，如 1.00',
        'must be a number with at most two decimals, like 1.00',
        true,
      );
  });

export const liftBody = z.object({
  registrationCode: optionalText(40).optional(),
  useRegistrationNo: optionalText(40).optional(),
  maker: optionalText(100).optional(),
  model: optionalText(100).optional(),
  ratedLoadKg: z.number().int().min(1).max(5000).nullable().optional(),
  speed: speed.nullable().optional(),
  stops: z.number().int().min(2).max(60).nullable().optional(),
  floorsServed: z.array(z.string().trim().min(1).max(10)).max(60).optional(),
  useUnitKind: z.enum(USE_UNIT_KINDS).nullable().optional(),
  useUnitName: optionalText(100).optional(),
  useUnitContact: optionalText(50).optional(),
  useUnitPhone: optionalText(30).optional(),
  enteredUseOn: z.iso.date().nullable().optional(),
  warrantyStartsOn: z.iso.date().nullable().optional(),
  warrantyMonths: z.number().int().min(0).max(240).nullable().optional(),
  inspectionPlan: z.enum(INSPECTION_PLANS).optional(),
});
export type LiftInput = z.infer<typeof liftBody>;

export const lift = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  committeeId: z.uuid(),
  registrationCode: z.string().nullable(),
  useRegistrationNo: z.string().nullable(),
  maker: z.string(),
  model: z.string(),
  ratedLoadKg: z.number().int().nullable(),
  /** "1.00": hundredths of m/s as written */
  speed: z.string().nullable(),
  stops: z.number().int().nullable(),
  floorsServed: z.array(z.string()),
  useUnitKind: z.enum(USE_UNIT_KINDS).nullable(),
  useUnitName: z.string(),
  useUnitContact: z.string(),
  useUnitPhone: z.string(),
  enteredUseOn: day.nullable(),
  warrantyStartsOn: day.nullable(),
  warrantyMonths: z.number().int().nullable(),
  inspectionPlan: z.enum(INSPECTION_PLANS),
  publicCode: z
    .string()
    .meta({ description: '电梯公开码（轿厢二维码，报修用）The car QR code for fault reports' }),
  createdAt: instant,
  updatedAt: instant,
});
export type Lift = z.infer<typeof lift>;

export const liftOfProject = z.object({ lift: lift.nullable() });
