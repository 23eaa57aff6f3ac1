import { CODE_LENGTH, codeCharacters } from '../../core/consent/codes.ts';

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
