import { defineWords, type Words } from '../shared/words.ts';

/** The staff app's name: the login page's heading and the menu's (staff/words.ts). */
export const APP_NAME = { zh: '江湾加装电梯工作台', en: 'Jiangwan Lift Desk' };

/**
 * The words of the login page, apart from the staff app's so that the page loads nothing of it.
 */
const zh = {
  name: APP_NAME.zh,
  subtitle: '江湾镇街道 · 老旧小区加装电梯社区协同平台',
  username: '用户名',
  password: '密码',
  showPassword: '显示密码',
  submit: '登录',
  demoTitle: '演示账号仍在使用',
  demoText: '以下账号是演示数据自带的，密码公开在说明文档中；正式使用前请停用（见运维文档）：',
  otherLang: 'English',
  otherLangCode: 'en',
  /** the language switch's name, in the language it switches to */
  switchTo: 'Switch to English',
};

const en: Words<typeof zh> = {
  name: APP_NAME.en,
  subtitle: 'Jiangwan Town Street · lift retrofits in old housing, run together',
  username: 'Username',
  password: 'Password',
  showPassword: 'Show password',
  submit: 'Log in',
  demoTitle: 'Demo accounts still enabled',
  demoText:
    'These accounts come with the demo data and their password is published in the documentation; disable them before real use (see the operations guide):',
  otherLang: '中文',
  otherLangCode: 'zh-CN',
  switchTo: '切换到中文',
};

export const useLoginWords = defineWords(zh, en);
