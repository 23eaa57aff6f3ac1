import { useSyncExternalStore } from 'react';
import { rememberLang, storedLang, type Lang } from './lang.ts';

/**
 * How the pages write their words, Chinese first: each area keeps a words.ts beside its pages
 * with a `zh` object, an `en` object of the same shape and `export const useWords = defineWords(zh, en)`.
 * Text with values is a function (one value: `(name: string) => …`; several: one object, so a
 * call names each), and a word per enum value is a `Record<Enum, string>`, so a missing word or a
 * wrong value fails the typecheck. `{zh, en}` labels that come as data from src/core (roles,
 * stages) are not words: show them with `useLang().pick(label)`.
 */

/** The same shape as the Chinese words: every leaf a string, every function the same parameters. */
export type Words<T> = {
  [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => string
      ? (...args: A) => string
      : Words<T[K]>;
};

/** The hook that gives a page its words in the current language. */
export function defineWords<T extends object>(zh: T, en: NoInfer<Words<T>>): () => T {
  return function useWords() {
    return (useLang().isEn ? en : zh) as T;
  };
}

/** The language now, remembered in this browser; every page that reads it re-renders on a switch. */
let current: Lang = storedLang();
const listeners = new Set<() => void>();
const subscribe = (onChange: () => void) => {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
};

export function switchLang(lang: Lang) {
  rememberLang(lang);
  current = lang;
  listeners.forEach((onChange) => onChange());
}

/** Text of a `{zh, en}` label from src/core (roles, stages, entities) in the current language. */
type Bilingual = { zh: string; en: string };

export function useLang() {
  const lang = useSyncExternalStore(subscribe, () => current);
  const pick = (label: Bilingual | undefined, fallback = '') =>
    label ? (lang === 'en' ? label.en : label.zh) : fallback;
  return { lang, isEn: lang === 'en', pick };
}
