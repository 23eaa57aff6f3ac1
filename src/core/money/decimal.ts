/**
 * Decimal strings ("0.40", "0.7", "33.33") as exact integers at a fixed scale, so rates,
 * coefficients and percentages never pass through floating point.
 */
export const SCALE_DIGITS = 4;
export const SCALE = 10n ** BigInt(SCALE_DIGITS);

const DECIMAL = /^\s*(\d{1,9})(?:\.(\d{1,4}))?\s*$/;

/** "0.7" → 7000n (at scale 10^4); null for negatives, more than 4 decimals, or not a number. */
export function parseScaled(text: string): bigint | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? '').padEnd(SCALE_DIGITS, '0'));
}

/** 12345678 fen → "123,456.78" (integer arithmetic; negative amounts keep their sign). */
export function formatYuan(fen: number, grouping = true): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const whole = grouping ? String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(yuan);
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}
