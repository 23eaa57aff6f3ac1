/**
 * Exact fractions for legal thresholds. Nothing here touches floating point: a threshold is
 * met when `part × den ≥ num × whole` (or `>` for "过半数"), in BigInt so large areas times large
 * denominators cannot overflow.
 */
export interface Fraction {
  num: number;
  den: number;
}

const FRACTION = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/;

/** "2/3" → {num: 2, den: 3}; null unless 0 < num ≤ den. */
export function parseFraction(text: string): Fraction | null {
  const m = FRACTION.exec(text);
  if (!m) return null;
  const num = Number(m[1]);
  const den = Number(m[2]);
  return num > 0 && den > 0 && num <= den ? { num, den } : null;
}

export const formatFraction = (f: Fraction) => `${f.num}/${f.den}`;

/** part/whole ≥ f (inclusive, "以上") or part/whole > f (strict, "过半数"). A whole of 0 never meets. */
export function meets(part: number, whole: number, f: Fraction, strict = false): boolean {
  if (whole <= 0) return false;
  const lhs = BigInt(part) * BigInt(f.den);
  const rhs = BigInt(f.num) * BigInt(whole);
  return strict ? lhs > rhs : lhs >= rhs;
}
