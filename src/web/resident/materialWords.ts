import { defineWords, type Words } from '../shared/words.ts';

/** Words of "read first" on the household page and its picture viewer, Chinese first. */
const zh = {
  title: '投票前请先阅读',
  imageKind: '图片，点开可以放大',
  pdfKind: (size: string) => `PDF 文件（${size}），用手机自带的阅读器打开`,
  wouldPay: '我家要出多少钱',
  wouldPayHint: '按本次表决的方案算出的金额，每一项都可以核对',
  zoomGroup: '图片大小',
  smaller: '缩小',
  larger: '放大',
  zoomAt: (pct: number) => `${pct}%`,
  pictureRegion: '图片，放大后可以上下左右拖动查看',
  pictureAlt: (title: string) => `${title}（图片）`,
  pinchHint: '放大后可以用手指拖动查看；也可以用两个手指张开来放大。',
  openOriginal: '打开原图',
  back: '返回',
};

export type MaterialWords = typeof zh;

const en: Words<MaterialWords> = {
  title: 'Please read before voting',
  imageKind: 'A picture; open it to enlarge',
  pdfKind: (size: string) => `A PDF file (${size}), opens in your phone’s reader`,
  wouldPay: 'What my household would pay',
  wouldPayHint: 'Under the plan being voted on, every line can be checked',
  zoomGroup: 'Picture size',
  smaller: 'Smaller',
  larger: 'Larger',
  zoomAt: (pct: number) => `${pct}%`,
  pictureRegion: 'The picture; once enlarged, drag to move around',
  pictureAlt: (title: string) => `${title} (picture)`,
  pinchHint: 'Once enlarged, drag with a finger to look around; you can also spread two fingers to zoom.',
  openOriginal: 'Open the full picture',
  back: 'Back',
};

export const useMaterialWords = defineWords(zh, en);
