/**
 * Registered areas are kept as integer hundredths of a square metre (1 m² = 100), so sums and
 * legal thresholds never touch floating point. "65.4" and "65.40" both mean 6540.
 */
export type AreaCenti = number;

const AREA_PATTERN = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** Parses "65.40" → 6540. Returns null for anything that is not a positive area with ≤ 2 decimals. */
export function parseAreaM2(text: string | number): AreaCenti | null {
  const s = typeof text === 'number' ? String(text) : text.trim();
  const m = AREA_PATTERN.exec(s);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = Number((m[2] ?? '').padEnd(2, '0'));
  const centi = whole * 100 + frac;
  return centi > 0 ? centi : null;
}

/** 6540 → "65.40" */
export function formatAreaM2(centi: AreaCenti): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
