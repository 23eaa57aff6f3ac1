/**
 * The lifecycle module's contract: a project's stage, what the next stage needs (checked on facts
 * from the projects, consent and notices modules), and the moves between stages.
 */
import { z } from 'zod';
import { STAGES } from '../../../core/stages.ts';
import { day, instant } from '../../platform/contract.ts';
import { optionalText } from '../../platform/http.ts';

const stage = z.enum(STAGES);
const bilingual = z.object({ zh: z.string(), en: z.string() });

export const stageChangeBody = z.object({
  to: stage,
  confirmed: z.array(z.string().max(60)).max(20).optional(),
  reason: optionalText(1000).optional(),
  override: z.boolean().optional(),
  on: z.iso.date().optional(),
});

const criterionKind = z.enum(['system', 'staff']);

/** One move of a project between stages, with what was confirmed or overridden and why. */
export const stageChange = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  fromStage: stage,
  toStage: stage,
  on: day,
  confirmed: z.array(z.string()).meta({ description: '由工作人员确认的条件 Staff criteria confirmed' }),
  overridden: z
    .array(z.object({ id: z.string(), label: bilingual }))
    .meta({ description: '越过的未满足条件 Unmet criteria overridden with the reason' }),
  reason: z.string(),
  byName: z.string(),
  at: instant,
});
export type StageChange = z.infer<typeof stageChange>;

export const stageStatusResponse = z.object({
  stage,
  pausedFrom: stage.nullable(),
  facts: z.object({
    // core/lifecycle.ts ProjectFacts: what the entry criteria are checked on
    votePassed: z.boolean(),
    resultNoticeEnded: z.boolean(),
    designNoticeEnded: z.boolean(),
    openObjections: z.number().int(),
    approvalsRemaining: z.number().int(),
    checklistOpen: z.number().int(),
    worksMilestonesOpen: z.array(bilingual).meta({
      description: '竣工验收前未完成的施工节点 Works milestones before completion acceptance not yet done',
    }),
  }),
  next: z
    .object({
      stage,
      label: bilingual,
      criteria: z.array(
        z.object({
          id: z.string(),
          kind: criterionKind,
          label: bilingual,
          met: z.boolean().nullable().meta({
            description:
              '系统条件是否满足；工作人员确认的条件为 null Whether a system criterion is met; null for staff criteria',
          }),
        }),
      ),
      blockers: z.array(z.object({ id: z.string(), kind: criterionKind, label: bilingual })),
    })
    .nullable()
    .meta({
      description:
        '下一阶段及其准入条件；已是最后阶段为 null The next stage and what it needs; null at the last',
    }),
  history: z.array(stageChange),
});
export type StageStatus = z.infer<typeof stageStatusResponse>;
