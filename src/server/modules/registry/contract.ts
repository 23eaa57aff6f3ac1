/**
 * The registry's contract: what each route takes and what it answers. Owners' ID numbers and
 * phones are masked in every answer except a reveal (POST /persons/:id/reveal).
 */
import { z } from 'zod';
import { parseAreaM2 } from '../../../core/area.ts';
import { isValidIdNumber, isValidPhone } from '../../../core/privacy.ts';
import { bilingualIssue, optionalText, pageQuery, shortText } from '../../platform/http.ts';

// ---------------------------------------------------------------- request pieces

/** "65.40" (or 65.4) → 6540 hundredths of m²; positive, at most two decimals. */
export const areaM2 = z.union([z.string().max(20), z.number()]).transform((v, ctx) => {
  const centi = parseAreaM2(v);
  if (centi === null) {
    bilingualIssue(
      ctx,
      '面积应为大于 0 的数字，最多两位小数（平方米）',
      'The area must be a positive number of m² with at most two decimals',
    );
    return z.NEVER;
  }
  return centi;
});

export const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .max(18)
  .refine((v) => v === '' || isValidIdNumber(v), {
    message: 'invalid ID number',
    params: {
      zh: '身份证号无效（18 位，含校验位）',
      en: 'invalid resident ID number (18 characters with check digit)',
    },
  });
export const phone = z
  .string()
  .trim()
  .max(20)
  .refine((v) => v === '' || isValidPhone(v), {
    message: 'invalid phone',
    params: { zh: '电话号码无效', en: 'invalid phone number' },
  });

const uuidFilter = z.uuid().optional();

// ---------------------------------------------------------------- requests

export const estatesQuery = z.object({ ...pageQuery, committeeId: uuidFilter });
export const estateCreate = z.object({
  committeeId: z.uuid(),
  name: shortText(60),
  address: optionalText(200).optional(),
});
export const estatePatch = estateCreate.omit({ committeeId: true }).partial();

export const buildingsQuery = z.object({ ...pageQuery, estateId: uuidFilter, committeeId: uuidFilter });
export const buildingCreate = z.object({
  estateId: z.uuid(),
  name: shortText(30),
  floors: z.number().int().min(2).max(12),
  address: optionalText(200).optional(),
});
export const buildingPatch = buildingCreate.omit({ estateId: true }).partial();

export const stairwellsQuery = z.object({ ...pageQuery, buildingId: uuidFilter, estateId: uuidFilter });
export const stairwellCreate = z.object({ buildingId: z.uuid(), name: shortText(30) });
export const stairwellPatch = stairwellCreate.omit({ buildingId: true }).partial();

export const unitsQuery = z.object({ ...pageQuery, stairwellId: uuidFilter });
const unitFields = { floor: z.number().int().min(1).max(12), room: shortText(10), areaM2 };
// the API speaks m² as a decimal string; the service keeps hundredths of m²
const toCenti = <T extends { areaM2?: number }>({ areaM2: areaCenti, ...rest }: T) => ({
  ...rest,
  ...(areaCenti === undefined ? {} : { areaCenti }),
});
export const unitCreate = z
  .object({ stairwellId: z.uuid(), ...unitFields })
  .transform((u) => ({ ...toCenti(u), areaCenti: u.areaM2 }));
export const unitPatch = z.object(unitFields).partial().transform(toCenti);

export const personInput = z.object({
  name: shortText(50),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
});
export const personPatch = personInput.partial();
/** an owner already registered (by id), or a person by name with an optional ID number and phone */
export const ownerAdd = z.union([z.object({ personId: z.uuid() }).strict(), personInput]);
export const unitOwnerParams = z.object({ id: z.uuid(), personId: z.uuid() });
export const personsQuery = z.object(pageQuery);
// strict: the old `?reveal=true` answers 400 rather than being quietly dropped
export const personQuery = z.strictObject({});

const exportScope = { committeeId: z.uuid().optional() };
// strict: the old `?full=true` answers 400 rather than a masked file the caller did not ask for
export const exportQuery = z.strictObject(exportScope);
export const exportBody = z.strictObject(exportScope);

// ---------------------------------------------------------------- answers

/** A page of a list. */
const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
const count = (what: string) => z.number().int().meta({ description: what });

export const committee = z.object({
  id: z.uuid(),
  name: z.string(),
  streetId: z.uuid(),
  streetName: z.string(),
  estateCount: count('小区数 Estates'),
});
export const committeesResponse = z.object({ items: z.array(committee) });
export type Committee = z.infer<typeof committee>;

/** An estate as written (create, update). */
export const estate = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  name: z.string(),
  address: z.string(),
});
export const estateListItem = estate.extend({
  committeeName: z.string(),
  buildingCount: count('楼幢数 Buildings'),
});
export const estateDetail = estate.extend({ committeeName: z.string() });
export const estatesResponse = pageOf(estateListItem);
export type EstateListItem = z.infer<typeof estateListItem>;
export type EstateDetail = z.infer<typeof estateDetail>;

/** A building as written (create, update). */
export const building = z.object({
  id: z.uuid(),
  estateId: z.uuid(),
  committeeId: z.uuid(),
  name: z.string(),
  floors: z.number().int(),
  address: z.string(),
});
export const buildingListItem = building.extend({
  estateName: z.string(),
  stairwellCount: count('单元数 Stairwells'),
});
export const buildingDetail = building.extend({ estateName: z.string(), committeeName: z.string() });
export const buildingsResponse = pageOf(buildingListItem);
export type BuildingListItem = z.infer<typeof buildingListItem>;
export type BuildingDetail = z.infer<typeof buildingDetail>;

/** An owner of a unit: ID number and phone masked unless revealed. */
export const owner = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumber: z.string().nullable().meta({ description: '身份证号（脱敏）ID number, masked unless revealed' }),
  phone: z.string().nullable().meta({
    description:
      '本范围内登记的电话，多个以 " / " 连接（脱敏）The phones recorded on the ownerships in scope, joined by " / ", masked unless revealed',
  }),
});
export type Owner = z.infer<typeof owner>;

export const unit = z.object({
  id: z.uuid(),
  stairwellId: z.uuid(),
  committeeId: z.uuid(),
  floor: z.number().int(),
  room: z.string(),
  areaCenti: z.number().int().meta({ description: '登记面积（0.01 m²）Registered area in hundredths of m²' }),
  areaM2: z.string().meta({ description: '登记面积 Registered area in m²', examples: ['65.40'] }),
  owners: z.array(owner),
});
export const unitsResponse = pageOf(unit);
export type Unit = z.infer<typeof unit>;

/** A stairwell as written (create, update). */
export const stairwell = z.object({
  id: z.uuid(),
  buildingId: z.uuid(),
  committeeId: z.uuid(),
  name: z.string(),
});
export const stairwellListItem = stairwell.extend({
  buildingName: z.string(),
  floors: z.number().int(),
  estateId: z.uuid(),
  estateName: z.string(),
  unitCount: count('房屋数 Units'),
});
/** A stairwell with everything its elevation diagram needs (its projects: GET /projects?stairwellId=…). */
export const stairwellDetail = stairwell.extend({
  buildingName: z.string(),
  floors: z.number().int(),
  address: z.string().meta({ description: '楼幢地址 The building’s address' }),
  estateId: z.uuid(),
  estateName: z.string(),
  committeeName: z.string(),
  units: z.array(unit),
});
export const stairwellsResponse = pageOf(stairwellListItem);
export type StairwellListItem = z.infer<typeof stairwellListItem>;
export type StairwellDetail = z.infer<typeof stairwellDetail>;

/** An owner with the units they own in the caller's scope. */
export const person = owner.extend({
  units: z.array(
    z.object({
      unitId: z.uuid(),
      stairwellId: z.uuid(),
      label: z.string().meta({ examples: ['江湾小区 3号楼 1单元 201室'] }),
    }),
  ),
});
export const personsResponse = pageOf(person);
export type Person = z.infer<typeof person>;

export const entityCounts = z.object({
  estates: z.number().int(),
  buildings: z.number().int(),
  stairwells: z.number().int(),
  units: z.number().int(),
  persons: z.number().int(),
  owners: count('房屋与业主的关系 Unit–owner links'),
});
export const importResponse = z.object({
  ok: z.literal(true),
  counts: entityCounts.meta({ description: '文件中各类记录数 Distinct records of each kind the file names' }),
  created: entityCounts,
  updated: entityCounts,
});
export type EntityCounts = z.infer<typeof entityCounts>;
export type ImportResult = z.infer<typeof importResponse>;
