import type { WorksEffect } from '../../core/notices.ts';
import { defineWords, type Words } from '../shared/words.ts';

type Status = 'open' | 'answered' | 'escalated' | 'settled' | 'withdrawn';

/** The words of the notices screen (公示与意见), Chinese first. */
const zh = {
  link: '查看公示、提出意见',
  linkIntro: '设计方案公示、施工公告期间，您可以在这里看公示、写意见或投诉施工，并查看居委会的答复。',
  title: '公示与意见',
  loading: '正在读取公示…',
  back: '返回',
  none: '目前没有公示。',
  noticeKind: {
    design_scheme: '设计方案公示',
    consultation_result: '征询结果公告',
    works: '施工公告',
  } as Record<string, string>,
  // a works notice (施工公告), in plain words, and its complaints
  worksEffects: '对您的影响',
  effect: {
    access_blocked: '楼道或通道封闭，请绕行',
    noise: '施工有噪音',
    utility_cut: '会停水或停电',
    other: '其他影响，见上面的说明',
  } as Record<WorksEffect, string>,
  worksDays: '施工日期',
  worksHours: '每天施工时间',
  hoursText: (from: string, to: string) => `${from} 到 ${to}`,
  complainUntil: '可以投诉到',
  openComplaint: '施工期间随时可以投诉',
  yourComplaint: '您的投诉',
  complaintHint: '例如：施工时间不对、噪音太大、通道被堵住。居委会会答复您，需要时会请双方调解。',
  submitComplaint: '提交投诉',
  emptyComplaint: '请先写下您的投诉',
  sentComplaintTitle: '投诉已提交',
  sentComplaintText: '居委会已收到您的投诉，会尽快答复。答复会显示在本页“您提出的意见和投诉”中。',
  complaintLabel: '施工投诉',
  worksEnded: '这份施工公告已经结束。如施工仍有问题，请直接打电话给居委会。',
  publicity: '公示时间',
  feedback: '书面意见时间',
  deadline: '意见截止',
  provisional: '暂定',
  provisionalTitle: '截止日期暂定',
  provisionalText:
    '国家还没有公布这段时间的放假安排，这个日期是先按法定节假日算的。公布后会重新计算，日期可能会变，请以本页显示的为准。',
  postedAt: '张贴位置',
  open: '现在可以提出意见',
  upcoming: (from: string) => `公示还没有开始。${from}起可以提出意见。`,
  ended: '公示已经结束，不再接受新的意见。如有问题，请直接联系居委会。',
  yourObjection: '您的意见',
  objectionHint: '请写明您担心的问题，例如采光、噪音、占用场地或费用。居委会会书面答复您。',
  submit: '提交意见',
  sending: '正在提交…',
  empty: '请先写下您的意见',
  count: (n: number, max: number) => `已写 ${n} 字，最多 ${max} 字`,
  atLimit: (max: number) => `已经写满 ${max} 字，不能再多写了。请精简一下，或分成两条意见提交。`,
  draftKept: '您上次没写完的意见已经帮您留着。',
  sentTitle: '意见已提交',
  sentText: '居委会已收到您的意见，会尽快答复。答复会显示在本页“您提出的意见和投诉”中。',
  backToList: '返回公示',
  mine: '您提出的意见和投诉',
  noneMine: '您家还没有提出意见。',
  on: '提出日期',
  about: '针对',
  status: {
    open: '已收到，等待答复',
    answered: '居委会已答复',
    escalated: '正在调解',
    settled: '已化解',
    withdrawn: '已撤回',
  } as Record<Status, string>,
  answer: '居委会答复',
  waiting: '居委会还没有答复。',
};

const en: Words<typeof zh> = {
  link: 'See notices and object',
  linkIntro:
    'While a notice such as the design scheme or a works notice is posted, you can read it here, send your objection or complaint and see the committee’s answer.',
  title: 'Notices and objections',
  loading: 'Reading the notices…',
  back: 'Back',
  none: 'There are no notices at the moment.',
  noticeKind: {
    design_scheme: 'Design scheme',
    consultation_result: 'Consultation result',
    works: 'Works notice',
  },
  worksEffects: 'How it affects you',
  effect: {
    access_blocked: 'The stairwell or path is closed; please go round',
    noise: 'The works are noisy',
    utility_cut: 'Water or power will be cut',
    other: 'Other effects, see the text above',
  },
  worksDays: 'Works dates',
  worksHours: 'Working hours each day',
  hoursText: (from: string, to: string) => `${from} to ${to}`,
  complainUntil: 'Complaints until',
  openComplaint: 'You can complain at any time during the works',
  yourComplaint: 'Your complaint',
  complaintHint:
    'For example: work at the wrong hours, too much noise, a blocked path. The committee will answer you and, if needed, bring both sides together.',
  submitComplaint: 'Send my complaint',
  emptyComplaint: 'Please write your complaint first',
  sentComplaintTitle: 'Your complaint is sent',
  sentComplaintText:
    'The residents’ committee has received it and will answer soon. The answer will show on this page under “Your objections and complaints”.',
  complaintLabel: 'Complaint about the works',
  worksEnded:
    'This works notice has ended. If the works still cause trouble, please phone your residents’ committee.',
  publicity: 'Posted',
  feedback: 'Written objections',
  deadline: 'Objections until',
  provisional: 'provisional',
  provisionalTitle: 'The end date is provisional',
  provisionalText:
    'The government has not yet published the holidays for this time, so this date was worked out from the public holidays set by law. It will be worked out again once they are published and may change; this page always shows the latest date.',
  postedAt: 'Posted at',
  open: 'You can object now',
  upcoming: (from: string) => `This notice has not started yet. You can object from ${from}.`,
  ended:
    'This notice has ended; no more objections are taken. Please contact your residents’ committee directly.',
  yourObjection: 'Your objection',
  objectionHint:
    'Please say what worries you, for example daylight, noise, use of the site or cost. The committee will answer you in writing.',
  submit: 'Send my objection',
  sending: 'Sending…',
  empty: 'Please write your objection first',
  count: (n: number, max: number) => `${n} of at most ${max} characters`,
  atLimit: (max: number) =>
    `You have reached the limit of ${max} characters. Please shorten it, or send it as two objections.`,
  draftKept: 'What you had started to write is kept for you.',
  sentTitle: 'Your objection is sent',
  sentText:
    'The residents’ committee has received it and will answer soon. The answer will show on this page under “Your objections and complaints”.',
  backToList: 'Back to the notices',
  mine: 'Your objections and complaints',
  noneMine: 'Your household has not sent any objection.',
  on: 'Sent on',
  about: 'About',
  status: {
    open: 'Received, awaiting an answer',
    answered: 'Answered',
    escalated: 'In mediation',
    settled: 'Settled',
    withdrawn: 'Withdrawn',
  },
  answer: 'The committee’s answer',
  waiting: 'No answer yet.',
};

export const useNoticeWords = defineWords(zh, en);
