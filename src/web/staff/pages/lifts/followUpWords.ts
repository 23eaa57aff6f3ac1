import { defineWords, type Words } from '../../../shared/words.ts';

/** Words of the lift's follow-up card (回访). */
const zh = {
  title: '满意度回访',
  start: '发起回访',
  startTitle: '发起回访：向本单元各户发出满意度问卷',
  titleField: '标题',
  titlePlaceholder: '留空则为“竣工回访”或“某年年度回访”',
  closesOn: '截止日期',
  questionsHelp:
    '问卷：电梯运行、维保响应、清洁与噪音、总体满意度（满意/基本满意/不满意）、其他意见。各户用已有的户码在户码页填写。',
  next: (round: string, date: string) => `下次：${round}，${date} 起`,
  nextDue: (round: string, date: string) => `${round}已到期（${date} 起）`,
  none: '还没有回访。',
  opened: '发起',
  closes: '截止',
  replies: (part: number, whole: number, percent: string) => `答复 ${part}/${whole} 户（${percent}）`,
  satisfaction: (percent: string, part: number, whole: number) => `满意度 ${percent}（${part}/${whole}）`,
  noSatisfaction: '满意度：尚无答复',
  satisfactionHelp: '满意度 = 总体评价为“满意”或“基本满意”的户数 ÷ 回答该题的户数',
  comments: '意见与建议',
  noComments: '没有填写意见。',
  close: '结束回访',
  closeConfirm: '结束后各户不能再填写，确定结束？',
  codes: '户码与告知书',
  households: (n: number) => `${n} 户`,
};

const en: Words<typeof zh> = {
  title: 'Satisfaction follow-up',
  start: 'Start a follow-up',
  startTitle: "Start a follow-up: a satisfaction survey of the stairwell's households",
  titleField: 'Title',
  titlePlaceholder: 'Leave empty for "Completion follow-up" or "Yearly follow-up" of the year',
  closesOn: 'Closes on',
  questionsHelp:
    'Questions: running, maintenance response, cleanliness and noise, overall satisfaction (satisfied / mostly / not), comments. Households answer on their code page with the codes they hold.',
  next: (round, date) => `Next: ${round}, from ${date}`,
  nextDue: (round, date) => `${round} due (since ${date})`,
  none: 'No follow-up yet.',
  opened: 'Started',
  closes: 'Closes',
  replies: (part, whole, percent) => `${part} of ${whole} households answered (${percent})`,
  satisfaction: (percent, part, whole) => `Satisfaction ${percent} (${part} of ${whole})`,
  noSatisfaction: 'Satisfaction: no answers yet',
  satisfactionHelp:
    'Satisfaction = households answering "satisfied" or "mostly satisfied" ÷ those answering the question',
  comments: 'Comments',
  noComments: 'No comments.',
  close: 'Close the follow-up',
  closeConfirm: 'Households can no longer answer once it is closed. Close it?',
  codes: 'Codes and letters',
  households: (n) => `${n} households`,
};

export const useWords = defineWords(zh, en);
