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
