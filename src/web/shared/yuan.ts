/**
 * Money on screen: integer fen shown as yuan with two decimals, and yuan typed by a person read
 * back into fen, by integer and string arithmetic only (no floats near money).
 */
import { formatYuan } from '../../core/money/decimal.ts';

export { formatYuan };

/** Fen in one yuan and in one 万 (ten thousand yuan). */
const FEN_PER = { yuan: 1n, wan: 10_000n } as const;

/**
 * Yuan as people write it → fen, or null when the text is not an amount. Accepted: "600000",
 * "600,000", "６０万" (full-width), "60万", "60.5万元", "¥1,234.5", "1234.56元". Yuan take at
 * most two decimals, 万 at most six (both exact to the fen); anything else is refused, never
 * rounded. Integer arithmetic only.
 */
export function parseYuan(text: string): number | null {
  const t = text
    .normalize('NFKC')
    .replace(/[,\s，]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '');
  const wan = t.endsWith('万');
  const m = (wan ? /^(\d{1,8})(?:\.(\d{0,6}))?万$/ : /^(\d{1,12})(?:\.(\d{0,2}))?$/).exec(t);
  if (!m) return null;
  const places = wan ? 6 : 2;
  const scale = wan ? FEN_PER.wan : FEN_PER.yuan;
  // whole and fraction in hundredths of a yuan (fen) of the unit, then scaled to the unit
  const units = BigInt(m[1]!) * 10n ** BigInt(places) + BigInt((m[2] ?? '').padEnd(places, '0') || '0');
  const fen = wan ? units : units * scale;
  const value = Number(fen);
  return Number.isSafeInteger(value) ? value : null;
}

/** fen → the yuan text an input shows back ("600000.00" → "600000"). */
export function yuanInput(fen: number): string {
  const s = formatYuan(fen, false);
  return s.endsWith('.00') ? s.slice(0, -3) : s;
}
