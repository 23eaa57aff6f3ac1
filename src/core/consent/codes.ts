/**
 * Household codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), grouped
 * as XXXX-XXXX-XXXX for typing, case-insensitive. 31^12 ≈ 2^59.4 — above the 50 bits asked for.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;
export const CODE_BITS = CODE_LENGTH * Math.log2(CODE_ALPHABET.length);

/** Characters a person may type between groups of a code or a receipt: spaces and dashes of any width. */
export const TYPED_SEPARATORS = /[\s\-‐‑‒–—―－_.·]/g;

/** From random bytes (one per character, rejection-sampled by the caller's source). */
export function codeFromRandom(randomByte: () => number): string {
  let out = '';
  while (out.length < CODE_LENGTH) {
    const b = randomByte();
    // 248 = 8 × 31: reject the top bytes so every character is equally likely
    if (b < 248) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  }
  return formatCode(out);
}

/** "abcd efgh-jkmn" → "ABCDEFGHJKMN"; null when it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== CODE_LENGTH) return null;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return null;
  return s;
}

export function formatCode(code: string): string {
  const s = code.replace(/-/g, '');
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

/** Full-width letters from a Chinese keyboard become ASCII; capitals; separators removed. */
export function codeCharacters(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(TYPED_SEPARATORS, '');
}

export type CodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'length'; length: number }
  | { ok: false; reason: 'char'; char: string };

/**
 * Checks the format (public knowledge): the page does it before asking, so a typo costs no attempt
 * at the server; the server does it before naming the code in the page it sends.
 */
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
