import type { BallotChannel, LedgerBallotKind, ReceiptStanding } from './types.ts';
import { defineWords, type Words } from '../shared/words.ts';

/** Words of the public receipt check (/r/receipt), in plain language for owners. */
const zh = {
  title: '核对回执',
  intro: '输入投票后回执上的 16 位回执号，可以查看选票账本里记下的内容。这里不显示房号和姓名。',
  label: '回执号',
  hint: '例如 9F3A 1C2B 77DE 0A41，大小写都可以',
  check: '核对',
  checking: '正在核对…',
  empty: '请输入回执上的回执号',
  badChar: (ch: string) => `回执号中没有“${ch}”，回执号只有数字 0–9 和字母 A–F，请核对`,
  length: (n: number) => `回执号共 16 位，您输入了 ${n} 位，请核对`,
  rejected: '回执号不能核对',
  found: '账本里有这张回执',
  receipt: '回执号',
  project: '加装电梯项目',
  matter: '事项',
  recorded: '账本记下的内容',
  kinds: {
    cast: '网上投票',
    changed: '网上改票',
    staff_entry: '居委会录入的选票',
    confirmed: '居委会核对确认的纸质选票',
  } satisfies Record<LedgerBallotKind, string>,
  surveyAnswered: '提交了问卷回答',
  time: '时间',
  place: '账本中的序号',
  placeN: (n: number) => `第 ${n} 条`,
  status: '表决情况',
  open: (closesOn: string | null) => (closesOn ? `进行中，${closesOn}截止` : '进行中'),
  closed: (on: string) => `已于 ${on} 结束`,
  standing: {
    current: '这是您家现在的选票。',
    awaiting_check: '这张纸质选票正在等居委会第二位工作人员核对，核对后计入。',
    confirmed: '这张纸质选票之后已由居委会第二位工作人员核对确认。',
    replaced: '之后您家又投了一次票，现在以后来的那一次为准。',
  } satisfies Record<ReceiptStanding, string>,
  counted: '结束时计入了结果。',
  canChange: '截止前还可以改票。',
  later: ({ at, channel }: { at: string; channel: string }) => `后来的一次：${at}，${channel}。`,
  channels: {
    online: '网上投票',
    paper: '纸质选票',
    assisted: '工作人员代为录入',
    proxy: '委托投票',
  } satisfies Record<BallotChannel, string>,
  notYours: '如果记下的内容与您的选择不一致，或者不是您家改的票，请联系居委会。',
  another: '核对另一个回执号',
  toVote: '输入户码投票',
};

export type ReceiptWords = typeof zh;

const en: Words<ReceiptWords> = {
  title: 'Check a receipt',
  intro:
    'Enter the 16-character receipt number from your receipt to see what the ballot ledger recorded. No flat number or name is shown here.',
  label: 'Receipt number',
  hint: 'For example 9F3A 1C2B 77DE 0A41; capitals or small letters both work',
  check: 'Check',
  checking: 'Checking…',
  empty: 'Please enter the receipt number from your receipt',
  badChar: (ch: string) =>
    `“${ch}” is not in receipt numbers: they have only the digits 0–9 and the letters A–F. Please check it`,
  length: (n: number) => `A receipt number has 16 characters; you entered ${n}. Please check it`,
  rejected: 'The receipt number cannot be checked',
  found: 'This receipt is in the ledger',
  receipt: 'Receipt number',
  project: 'Lift project',
  matter: 'Matter',
  recorded: 'What the ledger recorded',
  kinds: {
    cast: 'Voted online',
    changed: 'Changed the vote online',
    staff_entry: "Ballot entered by the residents' committee",
    confirmed: "Paper ballot confirmed by the residents' committee",
  },
  surveyAnswered: 'Survey answers sent',
  time: 'Time',
  place: 'Place in the ledger',
  placeN: (n: number) => `entry ${n}`,
  status: 'The vote',
  open: (closesOn: string | null) => (closesOn ? `open until ${closesOn}` : 'open'),
  closed: (on: string) => `closed on ${on}`,
  standing: {
    current: "This is your household's ballot now.",
    awaiting_check:
      "This paper ballot is waiting for a second member of the residents' committee to check it; it counts once checked.",
    confirmed:
      "A second member of the residents' committee has since checked and confirmed this paper ballot.",
    replaced: 'Your household voted again later; the later ballot is the one that counts now.',
  },
  counted: 'It counted in the result when the vote closed.',
  canChange: 'You can still change your vote until it closes.',
  later: ({ at, channel }: { at: string; channel: string }) => `The later one: ${at}, ${channel}.`,
  channels: {
    online: 'online',
    paper: 'paper ballot',
    assisted: 'entered by staff for you',
    proxy: 'by proxy',
  },
  notYours:
    "If what the ledger recorded is not what you chose, or your household did not change the vote, please contact your residents' committee.",
  another: 'Check another receipt number',
  toVote: 'Vote with a household code',
};

export const useReceiptWords = defineWords(zh, en);
