import { z } from 'zod';
import { parseAreaM2 } from '../../../core/area.ts';
import { isValidIdNumber, isValidPhone } from '../../../core/privacy.ts';
import { bilingualIssue, optionalText, shortText } from '../../platform/http.ts';

/** "65.40" (or 65.4) → 6540 hundredths of m²; positive, at most two decimals. */
export const areaM2 = z.union([z.string().max(20), z.number()]).transform((v, ctx) => {
  const centi = parseAreaM2(v);
  if (centi === null) {
    bilingualIssue(ctx, '面积应为大于 0 的数字，最多两位小数（平方米）', 'area must be a positive number of m² with at most two decimals');
    return z.NEVER;
  }
  return centi;
});

export const idNumber = z.string().trim().toUpperCase().max(18).refine((v) => v === '' || isValidIdNumber(v), { message: 'invalid ID number', params: { zh: '身份证号无效（18 位，含校验位）', en: 'invalid resident ID number (18 characters with check digit)' } });
export const phone = z.string().trim().max(20).refine((v) => v === '' || isValidPhone(v), { message: 'invalid phone', params: { zh: '电话号码无效', en: 'invalid phone number' } });

export const estateCreate = z.object({ committeeId: z.uuid(), name: shortText(60), address: optionalText(200).optional() });
export const estatePatch = estateCreate.omit({ committeeId: true }).partial();
export const buildingCreate = z.object({ estateId: z.uuid(), name: shortText(30), floors: z.number().int().min(2).max(12), address: optionalText(200).optional() });
export const buildingPatch = buildingCreate.omit({ estateId: true }).partial();
export const stairwellCreate = z.object({ buildingId: z.uuid(), name: shortText(30) });
export const stairwellPatch = stairwellCreate.omit({ buildingId: true }).partial();
const unitFields = { floor: z.number().int().min(1).max(12), room: shortText(10), areaM2 };
// the API speaks m² as a decimal string; the service keeps hundredths of m²
const toCenti = <T extends { areaM2?: number }>({ areaM2: areaCenti, ...rest }: T) => ({ ...rest, ...(areaCenti === undefined ? {} : { areaCenti }) });
export const unitCreate = z.object({ stairwellId: z.uuid(), ...unitFields }).transform((u) => ({ ...toCenti(u), areaCenti: u.areaM2 }));
export const unitPatch = z.object(unitFields).partial().transform(toCenti);
export const personInput = z.object({ name: shortText(50), idNumber: idNumber.optional(), phone: phone.optional() });
export const ownerAdd = z.union([z.object({ personId: z.uuid() }).strict(), personInput]);
