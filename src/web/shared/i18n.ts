import i18next, { type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { rememberLang, storedLang, type Lang } from './lang.ts';

export type { Lang } from './lang.ts';

/** The same shape as the Chinese messages, every leaf a string: English must cover every key. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export function initI18n(resources: { zh: Resource[string]; en: Resource[string] }) {
  const lang = storedLang();
  document.documentElement.lang = lang;
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': resources.zh, en: resources.en },
    lng: lang,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

export async function switchLang(lang: Lang) {
  rememberLang(lang);
  await i18next.changeLanguage(lang);
}

/** Text of a `{zh, en}` label from src/core (roles, stages, entities) in the current language. */
export type Bilingual = { zh: string; en: string };

export function useLang() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const pick = (label: Bilingual | undefined, fallback = '') =>
    label ? (lang === 'en' ? label.en : label.zh) : fallback;
  return { lang, isEn: lang === 'en', pick };
}
