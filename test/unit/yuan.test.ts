/**
 * Issue 11 item 9: the calculator takes amounts as people write them ("60万"), exactly to the
 * fen, and refuses what it cannot read exactly rather than rounding.
 */
import { describe, expect, it } from 'vitest';
import { parseYuan } from '../../src/web/shared/yuan.ts';

describe('parseYuan', () => {
  it.each([
    ['600000', 60_000_000],
    ['600,000', 60_000_000],
    ['600 000', 60_000_000],
    ['６０００００', 60_000_000],
    ['60万', 60_000_000],
    ['60 万元', 60_000_000],
    ['６０万', 60_000_000],
    ['60.5万', 60_500_000],
    ['0.000001万', 1],
    ['¥1,234.5', 123_450],
    ['￥1234.56元', 123_456],
    ['12.', 1_200],
    ['0', 0],
  ])('reads %s as %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', '12.345', '0.0000001万', '六十万', '60w', '-5', '1e6', '60万万', '万', '999999999999999'])(
    'refuses %s',
    (text) => {
      expect(parseYuan(text)).toBeNull();
    },
  );
});
