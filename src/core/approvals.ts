/**
 * The 15-step approval tracker (行政审批 46→15 个环节, Shanghai), built from domain.md §4 as an
 * editable street-level template. Time limits are OUR DEFAULTS where the sources give none.
 */
export type DayKind = 'natural' | 'working';

export interface ApprovalStepTemplate {
  key: string;
  name: { zh: string; en: string };
  agency: string;
  documents: string[];
  limitDays: number;
  dayKind: DayKind;
  /** may be marked not applicable (e.g. the construction permit below 1,000,000 yuan) */
  optional: boolean;
}

const step = (
  key: string,
  zh: string,
  en: string,
  agency: string,
  documents: string[],
  limitDays: number,
  dayKind: DayKind,
  optional = false,
): ApprovalStepTemplate => ({ key, name: { zh, en }, agency, documents, limitDays, dayKind, optional });

export const DEFAULT_APPROVAL_STEPS: ApprovalStepTemplate[] = [
  step(
    'feasibility',
    '可行性评估',
    'Pre-feasibility assessment',
    '街道（加装电梯事务所协助）',
    ['房屋基本情况', '现场踏勘记录'],
    10,
    'working',
  ),
  step(
    'consent',
    '意愿征询与资金筹措',
    'Consultation and funding',
    '居委会、业委会',
    ['表决票', '表决结果统计', '资金筹措方案'],
    30,
    'natural',
  ),
  step(
    'result_notice',
    '征询结果公告',
    'Consultation result notice',
    '区房管局指导，业委会/居委会张贴',
    ['结果公告', '张贴照片'],
    5,
    'working',
  ),
  step(
    'agreement',
    '签订加装电梯协议',
    'Lift agreement signed',
    '业主',
    ['加装电梯协议书', '费用分摊表'],
    15,
    'natural',
  ),
  step('design', '设计方案编制', 'Design scheme', '设计单位', ['设计方案图', '管线综合图'], 20, 'working'),
  step(
    'design_notice',
    '规划设计方案公示',
    'Design scheme publicity',
    '规划资源部门（街道张贴）',
    ['公示材料', '张贴照片'],
    17,
    'natural',
  ),
  step(
    'commitment',
    '告知承诺',
    'Notice-and-commitment filing',
    '规划资源部门',
    ['告知承诺书'],
    5,
    'working',
    true,
  ),
  step(
    'safety_review',
    '房屋安全性论证',
    'Building safety review',
    '房屋安全专家（区房管局）',
    ['施工图', '结构安全论证报告'],
    15,
    'working',
  ),
  step(
    'pipelines',
    '管线迁移方案',
    'Pipeline relocation plan',
    '水、电、燃气、通信单位',
    ['管线迁移方案', '费用报价'],
    20,
    'working',
    true,
  ),
  step(
    'construction_permit',
    '施工许可（工程总价 100 万元以上）',
    'Construction permit (over 1,000,000 yuan)',
    '区建设管理部门',
    ['施工合同', '施工图审查意见'],
    7,
    'working',
    true,
  ),
  step('works_notice', '开工信息报送', 'Works start filing', '区建设管理部门', ['开工信息表'], 3, 'working'),
  step(
    'installation_notice',
    '电梯安装告知',
    'Lift installation notice',
    '市场监管部门',
    ['安装告知书', '安装单位资质'],
    3,
    'working',
  ),
  step(
    'supervision',
    '电梯监督检验',
    'Lift supervision inspection',
    '特种设备检验机构',
    ['自检报告', '检验申请'],
    10,
    'working',
  ),
  step(
    'acceptance',
    '竣工验收备案（联合验收）',
    'Joint acceptance and filing',
    '区房管局、建设、规划资源',
    ['竣工验收报告', '监督检验报告'],
    15,
    'working',
  ),
  step(
    'use_registration',
    '使用登记（投用后 30 日内）',
    'Use registration (within 30 days of use)',
    '市场监管部门',
    ['使用登记表', '维保合同'],
    30,
    'natural',
  ),
];

export const APPROVAL_STATUSES = [
  'pending',
  'in_progress',
  'submitted',
  'returned',
  'done',
  'not_applicable',
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, { zh: string; en: string }> = {
  pending: { zh: '未开始', en: 'Pending' },
  in_progress: { zh: '办理中', en: 'In progress' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '退回', en: 'Returned' },
  done: { zh: '已办结', en: 'Done' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

/** Steps still standing between a project and the start of works. */
export const isSettled = (s: ApprovalStatus) => s === 'done' || s === 'not_applicable';
