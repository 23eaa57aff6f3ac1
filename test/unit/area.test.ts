import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAreaM2, parseAreaM2 } from '../../src/core/area.ts';

// 法释〔2009〕7号 第八条: area is the registered area (不动产登记簿); we keep it to the hundredth of a m².
describe('areas in hundredths of m²', () => {
  it('parses decimal strings exactly', () => {
    expect(parseAreaM2('65.40')).toBe(6540);
    expect(parseAreaM2('65.4')).toBe(6540);
    expect(parseAreaM2('0.01')).toBe(1);
    expect(parseAreaM2(' 72 ')).toBe(7200);
    expect(parseAreaM2(0.29)).toBe(29); // 0.29 * 100 would be 28.999999999999996 as a float
  });
  it('rejects what is not a positive area with at most two decimals', () => {
    for (const bad of ['', '0', '0.00', '-1', '65.401', '1e3', 'abc', '12,5', '.5', '5.'])
      expect(parseAreaM2(bad), bad).toBeNull();
  });
  it('round-trips every value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99_999_999 }),
        (centi) => parseAreaM2(formatAreaM2(centi)) === centi,
      ),
    );
  });
});
