import { defineWords, type Words } from '../shared/words.ts';

/** The words of the lift's follow-up survey (回访) on the household page. */
const zh = {
  link: '电梯回访问卷',
  linkIntro: '电梯用了一段时间，居委会想听听您的评价：运行、维保、清洁和噪音，大约一分钟。',
  linkStart: '填写回访问卷',
  linkChange: '查看或修改我的答复',
  closesOn: (date: string) => `${date} 截止`,
  start: '开始填写',
  doneTitle: '谢谢您的评价',
  doneIntro: '您的答复已记录，截止前可以修改。',
  change: '修改答复',
  back: '返回',
  loading: '正在读取…',
  none: '目前没有需要您填写的回访问卷。',
};

const en: Words<typeof zh> = {
  link: 'Lift follow-up survey',
  linkIntro:
    'The lift has been running for a while; your residents’ committee would like your view of its running, maintenance, cleanliness and noise. About one minute.',
  linkStart: 'Answer the follow-up survey',
  linkChange: 'See or change my answers',
  closesOn: (date) => `closes ${date}`,
  start: 'Start',
  doneTitle: 'Thank you for your answers',
  doneIntro: 'Your answers are recorded; you can change them until it closes.',
  change: 'Change my answers',
  back: 'Back',
  loading: 'Loading…',
  none: 'There is no follow-up survey for you to answer now.',
};

export const useFollowUpWords = defineWords(zh, en);
