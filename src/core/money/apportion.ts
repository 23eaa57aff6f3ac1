/**
 * Splitting an amount in whole fen by exact rational shares (largest remainder): every share is
 * its exact value rounded down or up, the shares sum exactly to the amount, and the fen left over
 * go to the largest remainders — ties to the higher floor, then input order.
 *
 * A unit whose weight rises (the others unchanged) never gets less: its exact share rises, the
 * others' fall; a unit that was behind it stays behind, and one that newly drops below a whole
 * fen overtakes it only together with the extra fen its drop leaves to hand out.
 */
export interface Claim {
  /** the exact share is num / den fen (den > 0) */
  num: bigint;
  den: bigint;
  floor: number;
}

export function largestRemainder(amountFen: number, claims: readonly Claim[]): number[] {
  const base = claims.map((c) => c.num / c.den);
  const rem = claims.map((c, i) => c.num - base[i]! * c.den);
  let left = BigInt(amountFen) - base.reduce((s, b) => s + b, 0n);
  const order = claims
    .map((_, i) => i)
    .sort((a, b) => {
      const x = rem[a]! * claims[b]!.den;
      const y = rem[b]! * claims[a]!.den;
      if (x !== y) return x > y ? -1 : 1;
      return claims[b]!.floor - claims[a]!.floor || a - b;
    });
  const shares = base.map(Number);
  for (const i of order) {
    if (left <= 0n) break;
    if (rem[i] === 0n) break; // the rest are whole already
    shares[i]! += 1;
    left -= 1n;
  }
  if (left !== 0n) throw new Error('shares do not add up'); // cannot happen when the claims sum to the amount
  return shares;
}
