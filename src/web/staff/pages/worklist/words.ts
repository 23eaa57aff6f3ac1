import type { Answer, ItemOf } from '../../../shared/api.ts';
import type { UpkeepReason } from '../../../../core/upkeep.ts';
import { defineWords, type Words } from '../../../shared/words.ts';

type Kind = ItemOf<Answer<'/api/v1/worklist'>>['kind'];

/** Words of the work list (待办事项): each kind of item and the date it shows. */
const zh = {
  listTotal: (n: number) => `共 ${n} 项待办`,
  listEmpty: '目前没有需要处理的事项。',
  nothing: '无',
  kinds: {
    overdue_step: '逾期审批',
    overdue_milestone: '逾期施工节点',
    notice_ending: '本周结束的公示',
    unanswered_objection: '未答复的异议',
    vote_closing: '即将截止的表决',
    idle_project: '30 天无进展',
    assigned: '我负责的项目',
    period_moved: '因放假安排调整的公示期',
    holidays_unconfirmed: '待确认的放假安排',
    unsigned_agreements: '未签认的分摊协议',
    arrears: '逾期未缴的出资',
    subsidy_to_claim: '待申请的补贴',
    upkeep_due: '电梯维保与检验',
    fault_overdue: '超时未到场的报修',
    open_fault: '未办结的报修',
  } satisfies Record<Kind, string>,
  dateOf: {
    overdue_step: (date: string) => `${date} 到期`,
    overdue_milestone: (date: string) => `${date} 到期`,
    notice_ending: (date: string) => `${date} 结束`,
    unanswered_objection: (date: string) => `${date} 收到`,
    vote_closing: (date: string) => `${date} 截止`,
    idle_project: (date: string) => date,
    assigned: (date: string) => date,
    period_moved: (date: string) => `现于 ${date} 结束`,
    holidays_unconfirmed: (date: string) => date,
    unsigned_agreements: (date: string) => `${date} 方案通过`,
    arrears: (date: string) => `${date} 起逾期`,
    subsidy_to_claim: (date: string) => date,
    upkeep_due: (date: string) => date,
    fault_overdue: (date: string) => `${date} 报修`,
    open_fault: (date: string) => `${date} 报修`,
  } satisfies Record<Kind, (date: string) => string>,
  upkeep: {
    visit: (date: string) => `保养逾期：应于 ${date} 前保养`,
    inspection: (date: string) => `年度检验：${date} 到期`,
    contract: (date: string) => (date ? `维保合同 ${date} 到期，请续签` : '没有有效的维保合同'),
    insurance: (date: string) => (date ? `电梯安全责任保险 ${date} 到期，请续保` : '没有有效的保险'),
  } satisfies Record<UpkeepReason, (date: string) => string>,
  unsigned: (n: number) => `${n} 户未签认分摊协议`,
  overdue: ({ count, yuan }: { count: number; yuan: string }) => `${count} 户逾期未缴，共 ${yuan} 元`,
  subsidy: (yuan: string) => `准备补贴申请：${yuan} 元`,
  holidaysYear: (year: string) => `${year} 年放假安排`,
  holidaysUnconfirmed: '尚未确认：国务院办公厅通知发布后请录入，暂定的公示期将随之重新计算。',
  idleSince: (date: string) => `最后一次进展：${date}`,
  assignedStage: (stage: string) => `当前阶段：${stage}`,
};

const en: Words<typeof zh> = {
  listTotal: (n) => `${n} items need attention`,
  listEmpty: 'Nothing needs attention right now.',
  nothing: 'None',
  kinds: {
    overdue_step: 'Overdue approval steps',
    overdue_milestone: 'Overdue works milestones',
    notice_ending: 'Notices ending this week',
    unanswered_objection: 'Objections without an answer',
    vote_closing: 'Votes closing soon',
    idle_project: 'No progress for 30 days',
    assigned: 'My projects',
    period_moved: 'Periods moved by a holiday arrangement',
    holidays_unconfirmed: 'Holiday arrangements to confirm',
    unsigned_agreements: 'Cost-sharing agreements not signed',
    arrears: 'Instalments overdue',
    subsidy_to_claim: 'Subsidies to claim',
    upkeep_due: 'Lift maintenance and inspections',
    fault_overdue: 'Faults with no one on site in time',
    open_fault: 'Open fault reports',
  },
  dateOf: {
    overdue_step: (date) => `due ${date}`,
    overdue_milestone: (date) => `due ${date}`,
    notice_ending: (date) => `ends ${date}`,
    unanswered_objection: (date) => `received ${date}`,
    vote_closing: (date) => `closes ${date}`,
    idle_project: (date) => date,
    assigned: (date) => date,
    period_moved: (date) => `now ends ${date}`,
    holidays_unconfirmed: (date) => date,
    unsigned_agreements: (date) => `plan adopted ${date}`,
    arrears: (date) => `overdue since ${date}`,
    subsidy_to_claim: (date) => date,
    upkeep_due: (date) => date,
    fault_overdue: (date) => `reported ${date}`,
    open_fault: (date) => `reported ${date}`,
  },
  upkeep: {
    visit: (date) => `Maintenance overdue: due by ${date}`,
    inspection: (date) => `Yearly inspection due ${date}`,
    contract: (date) =>
      date ? `Maintenance contract ends ${date}: renew it` : 'No maintenance contract in force',
    insurance: (date) =>
      date ? `Safety-liability insurance ends ${date}: renew it` : 'No insurance in force',
  },
  unsigned: (n) => `${n} households have not signed the agreement`,
  overdue: ({ count, yuan }) => `${count} households overdue, ${yuan} yuan in all`,
  subsidy: (yuan) => `Prepare the subsidy claim: ${yuan} yuan`,
  holidaysYear: (year) => `Holiday arrangement ${year}`,
  holidaysUnconfirmed:
    'not confirmed: enter it once the State Council notice is out; provisional notice periods are then recomputed.',
  idleSince: (date) => `Last progress: ${date}`,
  assignedStage: (stage) => `Stage: ${stage}`,
};

export const useWords = defineWords(zh, en);
