/** Each sheet line checked on its own and against the others, before the database is read. */
import { formatAreaM2, parseAreaM2 } from '../../../../core/area.ts';
import { type RowIssue } from '../../../../core/errors.ts';
import { isValidIdNumber, isValidPhone } from '../../../../core/privacy.ts';
import { ENTITY } from '../service.ts';
import { COLUMN, type ColumnKey } from './layout.ts';
import { type SheetLine } from './workbook.ts';

/** Owner cells: an ID number or phone is full, masked ("keep what is stored") or empty. */
export interface OwnerCells {
  name: string;
  idNumber: string;
  phone: string;
}

export interface ImportRow {
  row: number;
  committee: string;
  estate: string;
  estateAddress: string;
  building: string;
  floors: number;
  buildingAddress: string;
  stairwell: string;
  floor: number;
  room: string;
  areaCenti: number;
  owner: OwnerCells | null;
  /** names joined down the tree: one key per estate, building, stairwell and unit of the file */
  keys: { estate: string; building: string; stairwell: string; unit: string };
}

export const isMasked = (value: string) => value.includes('*');
const SEP = '\u0001';
export const joinKey = (...parts: string[]) => parts.join(SEP);
const MAX_FLOORS = 12;

export class IssueList {
  readonly items: RowIssue[] = [];
  add(row: number, key: ColumnKey, message: string, messageEn: string) {
    this.items.push({ row, column: COLUMN[key].header, message, messageEn });
  }
}

/** Checks each row on its own, then the rows against each other. Pure: no database. */
export function checkRows(lines: SheetLine[]): { rows: ImportRow[]; issues: RowIssue[] } {
  const issues = new IssueList();
  const rows = lines.map((line) => parseLine(line, issues)).filter((r): r is ImportRow => r !== null);
  checkRowsAgree(rows, issues);
  return { rows, issues: issues.items };
}

function parseLine({ row, cells, numericId }: SheetLine, issues: IssueList): ImportRow | null {
  const before = issues.items.length;
  const text = (key: ColumnKey): string => {
    const spec = COLUMN[key];
    const value = cells[key];
    if (!value && spec.required) issues.add(row, key, `${spec.header}不能为空`, `The ${spec.en} is required`);
    else if (spec.max && [...value].length > spec.max)
      issues.add(
        row,
        key,
        `${spec.header}过长（最多 ${spec.max} 个字符）`,
        `The ${spec.en} is too long (at most ${spec.max} characters)`,
      );
    return value;
  };
  const wholeNumber = (key: 'floors' | 'floor', min: number): number => {
    const value = text(key);
    const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
    if (value && !(n >= min && n <= MAX_FLOORS))
      issues.add(
        row,
        key,
        `${COLUMN[key].header}应为 ${min}–${MAX_FLOORS} 的整数`,
        `The ${COLUMN[key].en} must be a whole number from ${min} to ${MAX_FLOORS}`,
      );
    return n;
  };

  const [committee, estate, estateAddress, building] = (
    ['committee', 'estate', 'estateAddress', 'building'] as const
  ).map(text) as [string, string, string, string];
  const floors = wholeNumber('floors', 2);
  const [buildingAddress, stairwell] = [text('buildingAddress'), text('stairwell')];
  const floor = wholeNumber('floor', 1);
  if (floor > floors)
    issues.add(
      row,
      'floor',
      `楼层 ${floor} 超过楼幢层数 ${floors}`,
      `Floor ${floor} is above the building's ${floors} floors`,
    );
  const room = text('room');
  const areaText = text('area');
  const areaCenti = areaText ? parseAreaM2(areaText) : null;
  if (areaText && areaCenti === null)
    issues.add(
      row,
      'area',
      '登记面积应为大于 0 的数字，最多两位小数（平方米）',
      'The registered area must be a positive number of m² with at most two decimals',
    );

  const owner = {
    name: text('ownerName'),
    idNumber: text('idNumber').toUpperCase(),
    phone: text('phone').replace(/\s+/g, ''),
  };
  if (!owner.name && (owner.idNumber || owner.phone))
    issues.add(
      row,
      'ownerName',
      '填写了身份证号或手机号时，业主姓名不能为空',
      'The owner name is required when an ID number or phone is given',
    );
  if (owner.idNumber && !isMasked(owner.idNumber) && !isValidIdNumber(owner.idNumber))
    issues.add(
      row,
      'idNumber',
      numericId
        ? '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写'
        : '身份证号无效（18 位，含校验位）',
      numericId
        ? 'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again'
        : 'Invalid resident ID number (18 characters with a check digit)',
    );
  if (owner.phone && !isMasked(owner.phone) && !isValidPhone(owner.phone))
    issues.add(
      row,
      'phone',
      '电话号码无效（11 位手机号或带区号的固定电话）',
      'Invalid phone number (an 11-digit mobile or a landline with its area code)',
    );

  if (issues.items.length > before) return null;
  const estateKey = joinKey(committee, estate);
  const buildingKey = joinKey(estateKey, building);
  const stairwellKey = joinKey(buildingKey, stairwell);
  return {
    row,
    committee,
    estate,
    estateAddress,
    building,
    floors,
    buildingAddress,
    stairwell,
    floor,
    room,
    areaCenti: areaCenti!,
    owner: owner.name ? owner : null,
    keys: {
      estate: estateKey,
      building: buildingKey,
      stairwell: stairwellKey,
      unit: joinKey(stairwellKey, room),
    },
  };
}

const SAME_ID = { zh: '身份证号', en: 'ID number' };

/**
 * Rows that describe the same estate, building, unit or person must agree (an empty optional
 * cell agrees with anything), and a unit listed with owners must not also be listed without.
 */
function checkRowsAgree(rows: ImportRow[], issues: IssueList) {
  const first = new Map<string, { row: number; value: string }>();
  const agree = (
    what: { zh: string; en: string },
    key: string,
    column: ColumnKey,
    value: string,
    row: number,
  ) => {
    if (!value) return;
    const slot = joinKey(key, column);
    const seen = first.get(slot);
    if (!seen) first.set(slot, { row, value });
    else if (seen.value !== value)
      issues.add(
        row,
        column,
        `与第 ${seen.row} 行不一致：同一${what.zh}的${COLUMN[column].header}在那里是“${seen.value}”`,
        `Conflicts with row ${seen.row}, where the same ${what.en.toLowerCase()} has ${COLUMN[column].en} “${seen.value}”`,
      );
  };
  const ownerRowOf = new Map<string, number>();
  const ownerlessRows: ImportRow[] = [];
  for (const r of rows) {
    agree(ENTITY.estate, r.keys.estate, 'estateAddress', r.estateAddress, r.row);
    agree(ENTITY.building, r.keys.building, 'floors', String(r.floors), r.row);
    agree(ENTITY.building, r.keys.building, 'buildingAddress', r.buildingAddress, r.row);
    agree(ENTITY.unit, r.keys.unit, 'floor', String(r.floor), r.row);
    agree(ENTITY.unit, r.keys.unit, 'area', formatAreaM2(r.areaCenti), r.row);
    if (!r.owner) {
      ownerlessRows.push(r);
      continue;
    }
    if (!ownerRowOf.has(r.keys.unit)) ownerRowOf.set(r.keys.unit, r.row);
    if (r.owner.idNumber && !isMasked(r.owner.idNumber)) {
      agree(SAME_ID, r.owner.idNumber, 'ownerName', r.owner.name, r.row);
      // a committee records one phone for an owner; another committee may record another
      agree(
        SAME_ID,
        joinKey(r.committee, r.owner.idNumber),
        'phone',
        isMasked(r.owner.phone) ? '' : r.owner.phone,
        r.row,
      );
    }
  }
  const ownerlessRowOf = new Map<string, number>();
  for (const r of ownerlessRows) {
    const withOwner = ownerRowOf.get(r.keys.unit);
    const repeated = ownerlessRowOf.get(r.keys.unit);
    if (withOwner !== undefined)
      issues.add(
        r.row,
        'ownerName',
        `此房屋在第 ${withOwner} 行已有业主，请删除这一无业主的行`,
        `This unit has an owner in row ${withOwner}; delete this row without an owner`,
      );
    else if (repeated !== undefined)
      issues.add(r.row, 'room', `与第 ${repeated} 行重复`, `Duplicates row ${repeated}`);
    else ownerlessRowOf.set(r.keys.unit, r.row);
  }
}
