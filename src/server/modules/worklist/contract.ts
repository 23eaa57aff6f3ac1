/**
 * The work list's contract: what needs a staff member's attention now, across the modules — overdue
 * approval steps, notices ending, moved periods, unanswered objections, votes closing, idle
 * projects, assignments, holiday years to confirm, and money: agreements not signed, instalments
 * overdue, subsidies to claim; overdue works milestones; a lift's upkeep: visits overdue, inspections,
 * contracts and insurance ending, a follow-up survey due; faults: open reports, and those with no one on site in time.
 */
import { z } from 'zod';
import { day } from '../../platform/contract.ts';

export const WORK_KINDS = [
  'overdue_step',
  'overdue_milestone',
  'notice_ending',
  'period_moved',
  'unanswered_objection',
  'vote_closing',
  'idle_project',
  'assigned',
  'holidays_unconfirmed',
  'unsigned_agreements',
  'arrears',
  'subsidy_to_claim',
  'upkeep_due',
  'follow_up_due',
  'open_fault',
  'fault_overdue',
] as const;

export const workItem = z.object({
  kind: z.enum(WORK_KINDS),
  projectId: z.uuid().nullable().meta({
    description:
      '街道自身的事项（待确认的放假安排）为 null Null for the street’s own items (a holiday year to confirm)',
  }),
  projectName: z.string().nullable(),
  title: z.string().meta({
    description:
      'assigned：项目所处阶段；upkeep_due：visit、inspection、contract 或 insurance；follow_up_due：completion 或 yearly For assigned: the project’s stage; for upkeep_due: what is due; for follow_up_due: which round',
  }),
  provisional: z.boolean().optional().meta({
    description:
      '日期按尚未确认的放假安排算出（截止日、办结期限）The date was computed over a year whose holiday arrangement is not confirmed',
  }),
  date: day.nullable().meta({ description: '使其紧迫的日期 The date that makes it urgent' }),
  refId: z.string().nullable().meta({
    description:
      '审批环节、施工节点、公示、异议、征询、费用方案、电梯或报修的编号；放假安排为年份 The step, milestone, notice, objection, consultation, cost plan, lift or fault report; the year of a holiday arrangement',
  }),
  count: z.number().int().optional().meta({
    description: '涉及的户数（未签认、逾期）Households concerned (unsigned, overdue)',
  }),
  amountFen: z
    .number()
    .int()
    .optional()
    .meta({ description: '逾期未缴金额（分）The overdue amount, in fen' }),
});
export type WorkItem = z.infer<typeof workItem>;

export const workListResponse = z.object({
  items: z.array(workItem),
  counts: z
    .object({
      overdue_step: z.number().int(),
      overdue_milestone: z.number().int(),
      notice_ending: z.number().int(),
      period_moved: z.number().int(),
      unanswered_objection: z.number().int(),
      vote_closing: z.number().int(),
      idle_project: z.number().int(),
      assigned: z.number().int(),
      holidays_unconfirmed: z.number().int(),
      unsigned_agreements: z.number().int(),
      arrears: z.number().int(),
      subsidy_to_claim: z.number().int(),
      upkeep_due: z.number().int(),
      follow_up_due: z.number().int(),
      open_fault: z.number().int(),
      fault_overdue: z.number().int(),
    })
    .meta({ description: '各类事项的数目 Items of each kind' }),
});
export type WorkList = z.infer<typeof workListResponse>;
