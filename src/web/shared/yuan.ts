/**
 * Money on screen: integer fen shown as yuan with two decimals, and yuan typed by a person read
 * back into fen, by integer and string arithmetic only (no floats near money).
 */
import { formatYuan } from '../../core/money/decimal.ts';

export { formatYuan };

/**
 * Yuan as typed ("600000", "6,000.5", "１２.３４", "12.345" is refused) → fen, or null when the
 * text is not an amount with at most two decimals. Full-width digits and commas are accepted.
 */
export function parseYuan(text: string): number | null {
  const t = text
    .normalize('NFKC')
    .replace(/[,\s，]/g, '')
    .replace(/^¥/, '');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** fen → the yuan text an input shows back ("600000.00" → "600000"). */
export function yuanInput(fen: number): string {
  const s = formatYuan(fen, false);
  return s.endsWith('.00') ? s.slice(0, -3) : s;
}
