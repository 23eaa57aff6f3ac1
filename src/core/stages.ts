/** Lifecycle stages of a lift project (PRODUCT.md §2); entry criteria come with the projects issue. */
export const STAGES = [
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
  'paused',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  mobilisation: { zh: '动员', en: 'Mobilisation' },
  consultation: { zh: '征询', en: 'Consultation' },
  agreement: { zh: '协议', en: 'Agreement' },
  publicity: { zh: '公示', en: 'Publicity' },
  design_review: { zh: '设计与论证', en: 'Design & safety review' },
  approvals: { zh: '审批', en: 'Approvals' },
  ready_to_build: { zh: '审批完成待开工', en: 'Approved, ready to build' },
  construction: { zh: '施工', en: 'Construction' },
  acceptance: { zh: '验收', en: 'Acceptance' },
  in_service: { zh: '运维', en: 'In service' },
  paused: { zh: '暂停', en: 'Paused' },
  withdrawn: { zh: '撤销', en: 'Withdrawn' },
};
