import { CODE_ALPHABET, CODE_LENGTH, formatCode, TYPED_SEPARATORS } from '../../core/consent/codes.ts';

/** Full-width letters from a Chinese keyboard become ASCII; capitals; separators removed. */
export function codeCharacters(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(TYPED_SEPARATORS, '');
}

/** What the box shows while typing: the characters grouped by four, "ABCD-EFGH-JK". */
export function groupCode(input: string): string {
  const chars = codeCharacters(input).slice(0, CODE_LENGTH + 4);
  return chars.match(/.{1,4}/g)?.join('-') ?? '';
}

/** The caret after `count` typed characters in the grouped text. */
export function caretAfter(grouped: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < grouped.length; i++) {
    if (grouped[i] !== '-') seen++;
    if (seen === count) return i + 1;
  }
  return grouped.length;
}

export type CodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'length'; length: number }
  | { ok: false; reason: 'char'; char: string };

/** Checks the format locally (public knowledge), so a typo costs no attempt at the server. */
export function checkCode(input: string): CodeCheck {
  const chars = codeCharacters(input);
  if (!chars) return { ok: false, reason: 'empty' };
  const bad = [...chars].find((c) => !CODE_ALPHABET.includes(c));
  if (bad) return { ok: false, reason: 'char', char: bad };
  if (chars.length !== CODE_LENGTH) return { ok: false, reason: 'length', length: chars.length };
  return { ok: true, code: formatCode(chars) };
}

/** The code in the address bar, /r/<code>, or null on /r/. */
export function codeFromPath(pathname: string): string | null {
  let raw = pathname.replace(/^\/r\/?/, '');
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // a broken escape: treat it as typed
  }
  raw = raw.replace(/\/+$/, '').trim();
  return raw || null;
}
