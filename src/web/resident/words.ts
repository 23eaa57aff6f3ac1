import { defineWords, type Words } from '../shared/words.ts';
import type { Lang } from '../shared/lang.ts';
import type { Choice } from './types.ts';

/**
 * Every word of the resident page, in Chinese first and English second. Kept here (not with the
 * staff app's words) so the page loads nothing of the staff app.
 */
const zh = {
  site: '江湾加装电梯',
  otherLang: 'English',
  otherLangCode: 'en',
  /** the language switch's name, in the language it switches to */
  switchTo: 'Switch to English',
  loading: '正在打开，请稍候…',
  retry: '重试',
  help: '如有疑问，请联系居委会，工作人员可以上门协助。',

  // entry
  entryTitle: '请输入户码',
  entryIntro: '户码印在居委会送来的告知书上，共 12 位字母和数字。用手机扫描告知书上的二维码，可以直接打开。',
  codeLabel: '户码',
  codeHint: '例如 ABCD-EFGH-JKMN，大小写都可以',
  enter: '进入',
  codeEmpty: '请输入告知书上的户码',
  codeLength: (n: number) => `户码共 12 位，您输入了 ${n} 位，请核对`,
  codeBadChar: (ch: string) => `户码中没有“${ch}”，户码不含 0、O、1、I、L 等容易看错的字符，请核对`,
  codeRejected: '户码不能使用',

  // overview
  project: '加装电梯项目',
  question: '表决事项',
  surveyQuestion: '征询事项',
  dates: '投票时间',
  surveyDates: '填写时间',
  dateTo: ' 至 ',
  fromNow: '即日起',
  untilNotice: '另行通知',
  canChange: '截止前可以改票。',
  canChangeSurvey: '截止前可以修改回答。',
  documents: '请先阅读：方案摘要',
  household: '您家',
  area: (a: string) => `${a} 平方米`,
  rule: '表决规则',
  chooseTitle: '请选择',
  chooseHint: '点一下您的选择，下一步再确认。',
  current: '您目前的选择',
  paperBallot: '（纸质票，由居委会录入）',
  pendingBallot: '（纸质票，等待居委会核对）',
  castAt: '投票时间',
  answeredAt: '提交时间',
  changeVote: '改票',
  seeReceipt: '查看回执',
  startSurvey: (n: number) => `开始填写（共 ${n} 题）`,
  answered: '您已提交回答',
  changeAnswers: '修改回答',
  readAloud: '朗读',
  stopReading: '停止朗读',
  readAloudLabel: '朗读本页内容',
  noVoice: (lang: Lang) =>
    `这台手机（或浏览器）没有${lang === 'zh-CN' ? '中文' : '英文'}朗读语音，所以无法朗读。可在手机“设置”的“文字转语音”中添加${lang === 'zh-CN' ? '中文' : '英文'}语音，或换一个浏览器打开本页。`,

  // choices
  choice: { agree: '同意', disagree: '不同意', abstain: '弃权' } as Record<Choice, string>,
  optionsAre: (list: string) => `请选择：${list}。`,

  // confirm
  confirmTitle: '请确认您的选择',
  youChose: '您选择了：',
  previously: '您原来的选择：',
  confirmHint: '确认后即记录您的投票。截止前还可以改票。',
  confirm: '确认投票',
  back: '返回重选',
  sending: '正在提交…',

  // receipt
  votedTitle: '投票成功',
  changedTitle: '改票成功',
  surveyDoneTitle: '提交成功',
  yourChoice: '您的选择',
  time: '时间',
  receipt: '回执号',
  receiptHint:
    '回执号是这张选票在选票账本中的编号。点“核对回执”可以查看账本里记下的内容，也可以请居委会帮您核对。请保留本页截图。',
  checkReceipt: '核对回执',
  checkReceiptLink: '已经投过票？核对回执号',
  home: '返回首页',

  // survey
  questionOf: (i: number, n: number) => `第 ${i} 题，共 ${n} 题`,
  chooseOne: '请选一项',
  chooseAny: '可以选多项',
  optional: '可以不填',
  yourAnswer: '您的意见',
  next: '下一题',
  toReview: '下一步：核对',
  previous: '上一题',
  toOverview: '返回',
  reviewTitle: '请核对您的回答',
  noAnswer: '（未回答）',
  edit: '修改',
  editQuestion: (i: number) => `修改第 ${i} 题`,
  submit: '提交',

  // closed / revoked
  closedTitle: '征询已结束',
  revokedTitle: '这个户码已作废',
  newCode: '输入新户码',
  yourBallot: '您的投票',
  noBallot: '您家没有投票。',
};

export type ResidentWords = typeof zh;

const en: Words<ResidentWords> = {
  site: 'Jiangwan lift retrofit',
  otherLang: '中文',
  otherLangCode: 'zh-CN',
  switchTo: '切换到中文',
  loading: 'Opening, please wait…',
  retry: 'Try again',
  help: "Questions? Ask your residents' committee; staff can also visit you at home.",

  entryTitle: 'Enter your household code',
  entryIntro:
    "The code is printed on the letter from your residents' committee: 12 letters and digits. Scanning the QR code on the letter with your phone opens this page directly.",
  codeLabel: 'Household code',
  codeHint: 'For example ABCD-EFGH-JKMN; capitals or small letters both work',
  enter: 'Open',
  codeEmpty: 'Please enter the code on your letter',
  codeLength: (n: number) => `The code has 12 characters; you entered ${n}. Please check it`,
  codeBadChar: (ch: string) =>
    `“${ch}” is not used in codes (they leave out 0, O, 1, I and L, which look alike). Please check it`,
  codeRejected: 'The code cannot be used',

  project: 'Lift project',
  question: 'The question',
  surveyQuestion: 'The question',
  dates: 'Voting period',
  surveyDates: 'Period',
  dateTo: ' to ',
  fromNow: 'From now',
  untilNotice: 'a date to be announced',
  canChange: 'You can change your vote until it closes.',
  canChangeSurvey: 'You can change your answers until it closes.',
  documents: 'Please read first: summary of the plan',
  household: 'Your home',
  area: (a: string) => `${a} m²`,
  rule: 'Voting rule',
  chooseTitle: 'Your choice',
  chooseHint: 'Tap your choice; you confirm it on the next screen.',
  current: 'Your current choice',
  paperBallot: " (paper ballot, entered by the residents' committee)",
  pendingBallot: " (paper ballot, awaiting the committee's check)",
  castAt: 'Voted at',
  answeredAt: 'Sent at',
  changeVote: 'Change my vote',
  seeReceipt: 'See the receipt',
  startSurvey: (n: number) => `Start (${n} questions)`,
  answered: 'You have sent your answers',
  changeAnswers: 'Change my answers',
  readAloud: 'Read aloud',
  stopReading: 'Stop reading',
  readAloudLabel: 'Read this page aloud',
  noVoice: (lang) =>
    `This phone (or browser) has no ${lang === 'zh-CN' ? 'Chinese' : 'English'} voice, so it cannot read aloud. Add one under text-to-speech in the phone’s settings, or open this page in another browser.`,

  choice: { agree: 'Agree', disagree: 'Disagree', abstain: 'Abstain' },
  optionsAre: (list: string) => `Choose: ${list}.`,

  confirmTitle: 'Please confirm your choice',
  youChose: 'You chose: ',
  previously: 'Your earlier choice: ',
  confirmHint: 'Confirming records your vote. You can still change it until the vote closes.',
  confirm: 'Confirm my vote',
  back: 'Go back and choose again',
  sending: 'Sending…',

  votedTitle: 'Your vote is recorded',
  changedTitle: 'Your vote is changed',
  surveyDoneTitle: 'Your answers are sent',
  yourChoice: 'Your choice',
  time: 'Time',
  receipt: 'Receipt number',
  receiptHint:
    "The receipt number is this ballot's entry in the ballot ledger. Tap “Check the receipt” to see what the ledger recorded, or ask your residents' committee to check it. Keep a screenshot of this page.",
  checkReceipt: 'Check the receipt',
  checkReceiptLink: 'Already voted? Check a receipt number',
  home: 'Back to the start',

  questionOf: (i: number, n: number) => `Question ${i} of ${n}`,
  chooseOne: 'Choose one',
  chooseAny: 'Choose any',
  optional: 'You may leave this empty',
  yourAnswer: 'Your comments',
  next: 'Next question',
  toReview: 'Next: check my answers',
  previous: 'Previous question',
  toOverview: 'Back',
  reviewTitle: 'Please check your answers',
  noAnswer: '(not answered)',
  edit: 'Change',
  editQuestion: (i: number) => `Change question ${i}`,
  submit: 'Send',

  closedTitle: 'This consultation has closed',
  revokedTitle: 'This code has been cancelled',
  newCode: 'Enter a new code',
  yourBallot: 'Your vote',
  noBallot: 'Your household did not vote.',
};

export const useWords = defineWords(zh, en);
