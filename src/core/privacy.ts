/**
 * Personal data masking (PIPL): lists, notices and exports show masked identifiers unless the
 * viewer's role needs the full value.
 */

/** 310109195001011234 → 3101**********1234 (keeps the region prefix and the last four). */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return id.slice(0, 1) + '*'.repeat(Math.max(0, id.length - 2)) + id.slice(-1);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return phone.slice(0, 1) + '*'.repeat(Math.max(0, phone.length - 1));
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 张三丰 → 张*丰, 李四 → 李*; used where names appear before the public (notices, certificates). */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name];
  if (chars.length === 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Mainland resident ID: 18 characters, the last may be X, with the ISO 7064 check digit. */
export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id[17];
}

/** The 18th character of a resident ID (GB 11643) for its first 17 digits. */
export function idCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/** Mainland mobile (11 digits from 1) or a landline such as 021-65431234. */
export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}
