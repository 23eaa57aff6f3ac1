import { describe, expect, it } from 'vitest';
import {
  idCheckDigit,
  isValidIdNumber,
  isValidPhone,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../../src/core/privacy.ts';

describe('personal data (PIPL)', () => {
  it('masks ID numbers, phones and names', () => {
    expect(maskIdNumber('31010919500101123X')).toBe('3101**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskIdNumber(null)).toBeNull();
  });
  it('checks the GB 11643 check digit', () => {
    // the national standard's own example: 11010519491231002X
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
  it('accepts mobiles and Shanghai landlines', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('021-65431234')).toBe(true);
    expect(isValidPhone('12345')).toBe(false);
  });
});
