/** zh-CN first; English is a switch the user makes, remembered in this browser. No library here:
 * the store that re-renders the pages on a switch is in words.ts. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'jiangwan.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Remembers the choice and marks the document, so screen readers speak the right language. */
export function rememberLang(lang: Lang) {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // private mode: the switch still works for this page
  }
  document.documentElement.lang = lang;
}
