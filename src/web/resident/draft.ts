import { useState } from 'react';

/**
 * Text being written, kept in this tab's session storage under `key` until it is sent: back and
 * forward, a reload or a slip of the thumb bring it back. Never the household code (a key to the
 * household), only what the owner typed. `restored` says it came back, so the page can say so.
 */
export function useDraft(key: string) {
  const storageKey = `jw-draft:${key}`;
  const [initial] = useState(() => read(storageKey));
  const [text, setText] = useState(initial);
  const update = (value: string) => {
    setText(value);
    try {
      if (value) sessionStorage.setItem(storageKey, value);
      else sessionStorage.removeItem(storageKey);
    } catch {
      // storage full or refused (a private window): the text stays on the page, as before
    }
  };
  return [text, update, () => update(''), initial !== ''] as const;
}

function read(key: string) {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}
