import { en } from './en.ts';
import { zh } from './zh.ts';

export const resources = { zh: { translation: zh }, en: { translation: en } };

export type MenuKey = keyof typeof zh.menu;

// t('…') keys are checked against the Chinese messages at compile time
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}
