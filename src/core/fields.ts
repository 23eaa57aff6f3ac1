/** A field's name as people read it, in Chinese and English (lower case: it goes mid-sentence). */
export interface Label {
  zh: string;
  en: string;
}

/**
 * The names of the fields the API takes (bodies, queries, path parameters), so an error names
 * the field as the form does, never by its key. test/unit/messages.test.ts fails when a field of
 * the contract has none. A key whose meaning depends on where it is (the audit filter's `to`)
 * is listed with its place too: "querystring.to".
 */
export const FIELD_LABELS: Record<string, Label> = {
  // accounts
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  currentPassword: { zh: '当前密码', en: 'current password' },
  newPassword: { zh: '新密码', en: 'new password' },
  mustChangePassword: { zh: '首次登录须改密码', en: 'change of password at first login' },
  displayName: { zh: '显示名称', en: 'display name' },
  organisation: { zh: '单位', en: 'organisation' },
  role: { zh: '角色', en: 'role' },
  scopeId: { zh: '管辖范围', en: 'scope' },
  // registry
  streetId: { zh: '街道', en: 'street' },
  committeeId: { zh: '居委会', en: 'committee' },
  estateId: { zh: '小区', en: 'estate' },
  buildingId: { zh: '楼幢', en: 'building' },
  stairwellId: { zh: '门洞', en: 'stairwell' },
  unitId: { zh: '房屋', en: 'unit' },
  fromUnitId: { zh: '提出异议的房屋', en: 'unit the objection comes from' },
  personId: { zh: '业主', en: 'owner' },
  owners: { zh: '业主', en: 'owners' },
  units: { zh: '房屋', en: 'units' },
  name: { zh: '名称', en: 'name' },
  address: { zh: '地址', en: 'address' },
  floors: { zh: '层数', en: 'number of floors' },
  floor: { zh: '楼层', en: 'floor' },
  room: { zh: '室号', en: 'room' },
  areaM2: { zh: '登记面积', en: 'registered area' },
  area: { zh: '面积比例', en: 'share of the area' },
  heads: { zh: '户数比例', en: 'share of households' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'phone' },
  // projects, approvals, documents
  projectId: { zh: '项目', en: 'project' },
  adviserUserId: { zh: '顾问', en: 'adviser' },
  stage: { zh: '阶段', en: 'stage' },
  to: { zh: '目标阶段', en: 'stage to move to' },
  on: { zh: '日期', en: 'date' },
  confirmed: { zh: '确认', en: 'confirmation' },
  override: { zh: '越过检查', en: 'override' },
  reason: { zh: '原因', en: 'reason' },
  mobilisedOn: { zh: '动员会日期', en: 'date of the residents’ meeting' },
  consultationOn: { zh: '意愿征询日期', en: 'date of the consultation' },
  worksStartedOn: { zh: '开工日期', en: 'date works started' },
  completedOn: { zh: '竣工日期', en: 'date of completion' },
  agency: { zh: '审批部门', en: 'agency' },
  approvalSteps: { zh: '审批环节', en: 'approval steps' },
  limitDays: { zh: '时限天数', en: 'time limit in days' },
  dayKind: { zh: '天数类型', en: 'kind of days' },
  status: { zh: '状态', en: 'status' },
  startedOn: { zh: '开始日期', en: 'start date' },
  submittedOn: { zh: '提交日期', en: 'date submitted' },
  approvedOn: { zh: '批准日期', en: 'date approved' },
  returnedReason: { zh: '退回原因', en: 'reason for return' },
  doneOn: { zh: '完成日期', en: 'date done' },
  done: { zh: '完成情况', en: 'done' },
  documents: { zh: '材料清单', en: 'documents' },
  optional: { zh: '是否可选', en: 'optional' },
  itemId: { zh: '清单项', en: 'checklist item' },
  version: { zh: '版本', en: 'version' },
  title: { zh: '标题', en: 'title' },
  note: { zh: '备注', en: 'note' },
  file: { zh: '文件', en: 'file' },
  key: { zh: '代号', en: 'key' },
  kind: { zh: '类型', en: 'kind' },
  zh: { zh: '中文', en: 'Chinese text' },
  en: { zh: '英文', en: 'English text' },
  text: { zh: '内容', en: 'text' },
  // consultations
  ruleId: { zh: '表决规则', en: 'rule' },
  rule: { zh: '表决规则', en: 'rule' },
  customRule: { zh: '自定义规则', en: 'custom rule' },
  participation: { zh: '参与门槛', en: 'participation threshold' },
  approval: { zh: '同意门槛', en: 'approval threshold' },
  strict: { zh: '严格超过', en: 'strictly more' },
  base: { zh: '计算基数', en: 'base' },
  scopeKind: { zh: '征询范围', en: 'scope of the consultation' },
  opensOn: { zh: '开始日期', en: 'opening date' },
  closesOn: { zh: '截止日期', en: 'closing date' },
  question: { zh: '表决事项', en: 'question' },
  questions: { zh: '问卷题目', en: 'questions' },
  options: { zh: '选项', en: 'options' },
  documentsSummary: { zh: '方案摘要', en: 'summary of the documents' },
  doubleEntry: { zh: '纸质票双人录入', en: 'double entry of paper ballots' },
  choice: { zh: '表决意见', en: 'choice' },
  answers: { zh: '问卷回答', en: 'answers' },
  ballot: { zh: '表决票', en: 'ballots' },
  groupId: { zh: '户', en: 'household' },
  code: { zh: '户码', en: 'household code' },
  // money
  amountFen: { zh: '金额', en: 'amount' },
  fen: { zh: '金额', en: 'amount' },
  constructionFen: { zh: '施工金额', en: 'construction amount' },
  capFen: { zh: '补贴上限', en: 'subsidy cap' },
  grantedFen: { zh: '批准补贴金额', en: 'subsidy granted' },
  otherCosts: { zh: '其他费用', en: 'other costs' },
  otherCostsFen: { zh: '其他费用', en: 'other costs' },
  otherFunds: { zh: '其他资金', en: 'other funds' },
  otherFundsFen: { zh: '其他资金', en: 'other funds' },
  compensations: { zh: '补偿', en: 'compensations' },
  subsidy: { zh: '补贴', en: 'subsidy' },
  subsidyRules: { zh: '补贴规则', en: 'subsidy rules' },
  rate: { zh: '补贴比例', en: 'subsidy rate' },
  scheme: { zh: '分摊方案', en: 'sharing scheme' },
  schemes: { zh: '分摊方案', en: 'sharing scheme' },
  schemePresets: { zh: '分摊方案预设', en: 'scheme presets' },
  coefficients: { zh: '楼层系数', en: 'floor coefficients' },
  percents: { zh: '楼层比例', en: 'floor percentages' },
  percent: { zh: '比例', en: 'percentage' },
  exemptFloors: { zh: '免出资楼层', en: 'exempt floors' },
  label: { zh: '名目', en: 'label' },
  schedule: { zh: '分期', en: 'instalments' },
  dueOn: { zh: '到期日', en: 'due date' },
  runningCostRule: { zh: '运维费用约定', en: 'running cost rule' },
  clauses: { zh: '协议条款', en: 'agreement clauses' },
  amendQuorum: { zh: '变更协议的同意比例', en: 'consent needed to change the agreement' },
  method: { zh: '缴款方式', en: 'payment method' },
  paidOn: { zh: '缴款日期', en: 'date paid' },
  receiptNo: { zh: '收据号', en: 'receipt number' },
  receipt: { zh: '回执号', en: 'receipt number' },
  documentIds: { zh: '给业主的材料', en: 'materials for the owners' },
  documentId: { zh: '材料', en: 'material' },
  consultationId: { zh: '征询', en: 'consultation' },
  providentFund: { zh: '公积金', en: 'provident fund' },
  preparedOn: { zh: '材料准备日期', en: 'date prepared' },
  receivedOn: { zh: '收到日期', en: 'date received' },
  year: { zh: '年份', en: 'year' },
  items: { zh: '费用项目', en: 'items' },
  // notices and objections
  noticeId: { zh: '公示', en: 'notice' },
  evidenceId: { zh: '张贴凭证', en: 'posting evidence' },
  body: { zh: '正文', en: 'body' },
  startOn: { zh: '开始日期', en: 'start date' },
  publicityDays: { zh: '公示天数', en: 'days of publicity' },
  publicityKind: { zh: '公示天数类型', en: 'kind of publicity days' },
  feedbackDays: { zh: '反馈天数', en: 'days for feedback' },
  feedbackKind: { zh: '反馈天数类型', en: 'kind of feedback days' },
  countStartDay: { zh: '是否计入首日', en: 'counting of the first day' },
  postedWhere: { zh: '张贴位置', en: 'where posted' },
  fromName: { zh: '异议人', en: 'name of the objector' },
  endOn: { zh: '结束日期', en: 'last day' },
  worksEffects: { zh: '施工影响', en: 'what the works affect' },
  hoursFrom: { zh: '每天施工开始时间', en: 'daily start hour' },
  hoursTo: { zh: '每天施工结束时间', en: 'daily end hour' },
  answer: { zh: '答复', en: 'answer' },
  settled: { zh: '是否解决', en: 'settled' },
  // mediation
  description: { zh: '情况说明', en: 'description' },
  complaint: { zh: '诉求', en: 'complaint' },
  parties: { zh: '当事人', en: 'party' },
  openedOn: { zh: '立案日期', en: 'date opened' },
  heldOn: { zh: '调解日期', en: 'date held' },
  notes: { zh: '调解记录', en: 'notes' },
  governance: { zh: '组织参与', en: 'participating organisations' },
  attendees: { zh: '参加人员', en: 'attendees' },
  outcome: { zh: '结果', en: 'outcome' },
  closedOn: { zh: '结案日期', en: 'date closed' },
  // the calendar
  holidays: { zh: '节假日', en: 'holidays' },
  workdays: { zh: '调休上班日', en: 'working weekend days' },
  start: { zh: '开始日期', en: 'start date' },
  end: { zh: '结束日期', en: 'end date' },
  days: { zh: '天数', en: 'number of days' },
  source: { zh: '依据', en: 'source' },
  // lists and filters
  id: { zh: '编号', en: 'ID' },
  q: { zh: '搜索内容', en: 'search' },
  page: { zh: '页码', en: 'page' },
  pageSize: { zh: '每页条数', en: 'page size' },
  limit: { zh: '条数', en: 'number of entries' },
  before: { zh: '时间', en: 'time' },
  action: { zh: '操作', en: 'action' },
  actor: { zh: '操作人', en: 'actor' },
  entity: { zh: '对象类型', en: 'kind of record' },
  entityId: { zh: '对象编号', en: 'record ID' },
  from: { zh: '起始日期', en: 'from date' },
  'querystring.to': { zh: '截止日期', en: 'to date' },
  // lifts in service (运维保养关)
  registrationCode: { zh: '注册代码', en: 'registration code' },
  useRegistrationNo: { zh: '使用登记证编号', en: 'use registration number' },
  maker: { zh: '制造单位', en: 'maker' },
  model: { zh: '型号', en: 'model' },
  ratedLoadKg: { zh: '额定载重量（千克）', en: 'rated load (kg)' },
  speed: { zh: '额定速度（米/秒）', en: 'rated speed (m/s)' },
  stops: { zh: '层站数', en: 'stops' },
  floorsServed: { zh: '停靠楼层', en: 'floors served' },
  useUnitKind: { zh: '使用单位类型', en: 'kind of responsible body' },
  useUnitName: { zh: '使用单位', en: 'body responsible for use' },
  useUnitContact: { zh: '安全管理负责人', en: 'responsible person' },
  useUnitPhone: { zh: '使用单位电话', en: "responsible body's phone" },
  enteredUseOn: { zh: '投入使用日期', en: 'date it entered use' },
  warrantyStartsOn: { zh: '质保开始日期', en: 'warranty start' },
  warrantyMonths: { zh: '质保期（月）', en: 'warranty (months)' },
  inspectionPlan: { zh: '年度检验方式', en: 'yearly inspection plan' },
  company: { zh: '维保单位', en: 'maintenance company' },
  companyPhone: { zh: '维保单位电话', en: "company's phone" },
  licence: { zh: '资质证书编号', en: 'licence number' },
  startsOn: { zh: '开始日期', en: 'start date' },
  endsOn: { zh: '结束日期', en: 'end date' },
  yearlyFeeFen: { zh: '年维保费', en: 'yearly fee' },
  faultResponseMinutes: { zh: '故障到场时限（分钟）', en: 'time to reach a fault (minutes)' },
  entrapmentResponseMinutes: { zh: '困人到场时限（分钟）', en: 'time to reach a trapped person (minutes)' },
  technician: { zh: '维保人员', en: 'technician' },
  itemsDone: { zh: '保养项目', en: 'items done' },
  findings: { zh: '发现的问题', en: 'findings' },
  signedBy: { zh: '使用单位签字人', en: 'signed by' },
  inspector: { zh: '检验检测机构', en: 'inspection body' },
  reportNo: { zh: '报告编号', en: 'report number' },
  result: { zh: '结论', en: 'result' },
  nextDueOn: { zh: '下次检验日期', en: 'next inspection date' },
  insurer: { zh: '保险公司', en: 'insurer' },
  policyNo: { zh: '保单号', en: 'policy number' },
  premiumFen: { zh: '保费', en: 'premium' },
  attention: { zh: '筛选', en: 'filter' },
  inService: { zh: '是否在用', en: 'in service only' },
  // works
  milestones: { zh: '施工节点', en: 'works milestones' },
  plannedStart: { zh: '计划开始日期', en: 'planned start' },
  plannedEnd: { zh: '计划完成日期', en: 'planned end' },
  actualStart: { zh: '实际开始日期', en: 'actual start' },
  actualEnd: { zh: '实际完成日期', en: 'actual end' },
  contractorName: { zh: '施工单位', en: 'contractor' },
  contractorLicence: { zh: '施工单位资质证书编号', en: 'contractor licence number' },
  siteManager: { zh: '项目经理', en: 'site manager' },
  siteManagerPhone: { zh: '项目经理电话', en: 'site manager’s phone' },
  supervisorName: { zh: '监理单位', en: 'supervisor' },
  supervisorContact: { zh: '监理联系人', en: 'supervisor’s contact' },
  supervisorPhone: { zh: '监理电话', en: 'supervisor’s phone' },
  weather: { zh: '天气', en: 'weather' },
  workDone: { zh: '施工内容', en: 'work done' },
  workers: { zh: '作业人数', en: 'workers' },
  safetyChecks: { zh: '安全检查', en: 'safety checks' },
  entryId: { zh: '施工日志', en: 'site log entry' },
  photoId: { zh: '现场照片', en: 'site photo' },
  caption: { zh: '照片说明', en: 'caption' },
  reference: { zh: '证书编号', en: 'certificate number' },
  item: { zh: '验收事项', en: 'acceptance item' },
  // faults and entrapments
  liftCode: { zh: '电梯码', en: 'lift code' },
  liftId: { zh: '电梯', en: 'lift' },
  ref: { zh: '报修单号', en: 'report number' },
  contactName: { zh: '联系人', en: 'contact name' },
  contactPhone: { zh: '联系电话', en: 'contact phone' },
  channel: { zh: '报修途径', en: 'channel' },
  reportedAt: { zh: '报修时间', en: 'time of the report' },
  step: { zh: '进度', en: 'step' },
  at: { zh: '时间', en: 'time' },
  resolution: { zh: '处理情况', en: 'what was done' },
  open: { zh: '未办结', en: 'open' },
};

/** The whole request body, when it is the body itself that is wrong (not JSON, unknown keys). */
const REQUEST: Label = { zh: '请求内容', en: 'the request' };

/** Where fastify-type-provider-zod says the failing value came from: not part of the field's name. */
const PLACES = new Set(['body', 'querystring', 'params', 'headers']);

const labelOfKey = (key: string, place: string | undefined): Label | undefined =>
  (place ? FIELD_LABELS[`${place}.${key}`] : undefined) ?? FIELD_LABELS[key];

const isIndex = (s: string) => /^\d+$/.test(s);

/**
 * The label of the field at `path` ("schemes.1.name" → "第 2 个分摊方案的名称" / "the name of
 * sharing scheme 2"); an unknown key is named as it is. `path` may start with the place
 * (querystring, params) and holds the keys of nested objects and the indexes of lists.
 */
export function fieldLabel(path: readonly string[]): Label {
  const place = PLACES.has(path[0] ?? '') && path.length > 1 ? path[0] : undefined;
  const keys = place ? path.slice(1) : path;
  const leafAt = keys.findLastIndex((k) => !isIndex(k));
  if (leafAt < 0) return REQUEST;
  const leafKey = keys[leafAt]!;
  const leaf = labelOfKey(leafKey, place) ?? { zh: leafKey, en: leafKey };
  // a list's element itself: "第 3 个免出资楼层"
  const after = keys.slice(leafAt + 1).find(isIndex);
  if (after !== undefined)
    return { zh: `第 ${Number(after) + 1} 个${leaf.zh}`, en: `${leaf.en} ${Number(after) + 1}` };
  // a field of a list's element: "第 2 个当事人的名称"
  const indexAt = keys.slice(0, leafAt).findLastIndex(isIndex);
  if (indexAt > 0) {
    const list = labelOfKey(keys[indexAt - 1]!, place);
    if (list) {
      const n = Number(keys[indexAt]) + 1;
      return { zh: `第 ${n} 个${list.zh}的${leaf.zh}`, en: `the ${leaf.en} of ${list.en} ${n}` };
    }
  }
  return leaf;
}

const TYPE_NAMES: Record<string, Label> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是或否', en: 'yes or no' },
  object: { zh: '一组字段', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
  date: { zh: '日期', en: 'a date' },
};

export function typeName(t: string | undefined): Label {
  return TYPE_NAMES[t ?? ''] ?? { zh: t ?? '?', en: t ?? '?' };
}
