/**
 * The lifecycle of a lift project and the entry criteria of each stage, as data. A criterion is
 * either checked by the system from facts (a passed vote, approvals done, no open objection) or
 * confirmed by staff (a meeting held). A staff override with a written reason passes the rest.
 */

import { type Stage } from './stages.ts';

/** The shortest written reason for an override, a pause or a withdrawal: a few words, not a keystroke. */
export const MIN_REASON_CHARS = 4;

/** The forward path; paused and withdrawn are side states. */
export const MAIN_PATH: Stage[] = [
  'mobilisation',
  'consultation',
  'agreement',
  'publicity',
  'design_review',
  'approvals',
  'ready_to_build',
  'construction',
  'acceptance',
  'in_service',
];

export interface ProjectFacts {
  /** a formal vote of the project closed and passed */
  votePassed: boolean;
  /** a consultation-result notice whose period has ended */
  resultNoticeEnded: boolean;
  /** a design-scheme notice (publicity + feedback) whose period has ended */
  designNoticeEnded: boolean;
  /** objections not yet answered or settled */
  openObjections: number;
  /** required approval steps not yet done (or not applicable) */
  approvalsRemaining: number;
  /** checklist items of the method attached to the stage being left, not yet ticked */
  checklistOpen: number;
  /** works milestones before completion acceptance not yet done (core/works.ts), by name */
  worksMilestonesOpen: { zh: string; en: string }[];
}

export type CriterionKind = 'system' | 'staff';

export interface Criterion {
  id: string;
  kind: CriterionKind;
  label: { zh: string; en: string };
  /** for system criteria: whether the facts meet it */
  met?: (f: ProjectFacts) => boolean;
  /** for system criteria: what stands in the way, named, when it is not met */
  detail?: (f: ProjectFacts) => { zh: string; en: string }[];
}

const sys = (id: string, zh: string, en: string, met: (f: ProjectFacts) => boolean): Criterion => ({
  id,
  kind: 'system',
  label: { zh, en },
  met,
});
const staff = (id: string, zh: string, en: string): Criterion => ({ id, kind: 'staff', label: { zh, en } });

/** What must hold to enter each stage (domain.md §3–§4; the order is the Jiangwan method's). */
export const ENTRY_CRITERIA: Record<Stage, Criterion[]> = {
  mobilisation: [],
  consultation: [
    staff(
      'mobilisation_meeting',
      '已召开动员会，楼组长和党员骨干已落实',
      'The mobilisation meeting was held; stairwell leaders and party members are on board',
    ),
  ],
  agreement: [
    sys(
      'vote_passed',
      '正式表决已通过（沪建房管联〔2020〕801号）',
      'A formal vote has passed (Shanghai 801/2020)',
      (f) => f.votePassed,
    ),
  ],
  publicity: [
    staff(
      'agreement_signed',
      '加装电梯协议书已由业主签署',
      'The lift agreement has been signed by the owners',
    ),
  ],
  design_review: [
    sys(
      'result_notice_ended',
      '征询结果公告期已满',
      'The consultation-result notice period has ended',
      (f) => f.resultNoticeEnded,
    ),
    sys(
      'no_open_objection',
      '没有未处理的异议',
      'No objection is left unanswered',
      (f) => f.openObjections === 0,
    ),
  ],
  approvals: [
    sys(
      'design_notice_ended',
      '设计方案公示及书面意见期已满',
      'The design-scheme publicity and written-feedback period has ended',
      (f) => f.designNoticeEnded,
    ),
    sys(
      'no_open_objection',
      '没有未处理的异议',
      'No objection is left unanswered',
      (f) => f.openObjections === 0,
    ),
    staff('safety_review', '房屋安全性论证已完成', 'The building safety review is done'),
  ],
  ready_to_build: [
    sys(
      'approvals_done',
      '所有需要的审批环节均已办结',
      'Every required approval step is done',
      (f) => f.approvalsRemaining === 0,
    ),
  ],
  construction: [
    sys(
      'approvals_done',
      '所有需要的审批环节均已办结',
      'Every required approval step is done',
      (f) => f.approvalsRemaining === 0,
    ),
    sys(
      'no_open_objection',
      '没有未处理的异议',
      'No objection is left unanswered',
      (f) => f.openObjections === 0,
    ),
    staff(
      'contractor_ready',
      '施工单位已进场准备，安全告知已张贴',
      'The contractor is ready on site and the safety notice is posted',
    ),
  ],
  acceptance: [
    {
      ...sys(
        'works_milestones_done',
        '竣工验收前的施工节点均已完成',
        'Every works milestone before completion acceptance is done',
        (f) => f.worksMilestonesOpen.length === 0,
      ),
      detail: (f) => f.worksMilestonesOpen,
    },
    staff('works_finished', '土建与电梯安装已完工', 'Civil works and lift installation are finished'),
  ],
  in_service: [
    staff(
      'joint_acceptance',
      '已通过联合验收（区房管、建设、规划资源）',
      'Joint acceptance passed (housing, construction, planning)',
    ),
    staff(
      'use_registration',
      '已在市场监管部门办理使用登记（投用后 30 日内）',
      'Use registration filed with market supervision (within 30 days of use)',
    ),
  ],
  paused: [],
  withdrawn: [],
};

export interface EntryCheck {
  stage: Stage;
  allowed: boolean;
  /** criteria that stand in the way, with the reason in both languages */
  blockers: { id: string; kind: CriterionKind; label: { zh: string; en: string } }[];
}

/** Blockers of the path itself, which no override passes (the entry criteria can be overridden). */
export const STRUCTURAL_BLOCKERS: readonly string[] = ['withdrawn', 'same_stage', 'resume_order', 'order'];

const structural = (id: string, zh: string, en: string): EntryCheck['blockers'][number] => ({
  id,
  kind: 'system',
  label: { zh, en },
});

/**
 * Whether a project may enter `to` from `from`. Forward moves go one stage at a time along the
 * main path; paused and withdrawn can be entered from anywhere (with a reason); a paused project
 * resumes to the stage it left. System criteria use the facts; staff criteria must be confirmed.
 */
export function checkEntry(
  from: Stage,
  to: Stage,
  facts: ProjectFacts,
  confirmed: readonly string[],
  resumeTo?: Stage,
): EntryCheck {
  const blockers: EntryCheck['blockers'] = [];
  if (from === 'withdrawn') blockers.push(structural('withdrawn', '项目已撤销', 'The project was withdrawn'));
  // a paused project paused again would resume to "paused", that is, never
  if (from === to)
    blockers.push(structural('same_stage', '项目已处于该阶段', 'The project is already at this stage'));
  if (to === 'paused' || to === 'withdrawn' || blockers.length)
    return { stage: to, allowed: blockers.length === 0, blockers };
  if (from === 'paused') {
    if (to !== resumeTo)
      blockers.push(
        structural(
          'resume_order',
          '暂停的项目只能恢复到原阶段',
          'A paused project resumes to the stage it left',
        ),
      );
    return { stage: to, allowed: blockers.length === 0, blockers };
  }
  const i = MAIN_PATH.indexOf(from);
  const j = MAIN_PATH.indexOf(to);
  if (j !== i + 1)
    blockers.push(structural('order', '只能进入下一个阶段', 'Only the next stage can be entered'));
  for (const c of ENTRY_CRITERIA[to]) {
    const ok = c.kind === 'system' ? c.met!(facts) : confirmed.includes(c.id);
    if (!ok) blockers.push({ id: c.id, kind: c.kind, label: withDetail(c.label, c.detail?.(facts)) });
  }
  return { stage: to, allowed: blockers.length === 0, blockers };
}

/** A criterion's label with what stands in the way: "…：未完成 钢结构井道、电梯安装". */
function withDetail(label: { zh: string; en: string }, detail: { zh: string; en: string }[] | undefined) {
  if (!detail?.length) return label;
  return {
    zh: `${label.zh}（未完成：${detail.map((d) => d.zh).join('、')}）`,
    en: `${label.en} (open: ${detail.map((d) => d.en).join(', ')})`,
  };
}

export const nextStage = (s: Stage): Stage | null => {
  const i = MAIN_PATH.indexOf(s);
  return i >= 0 && i < MAIN_PATH.length - 1 ? MAIN_PATH[i + 1]! : null;
};
