/**
 * A city-scale registry sheet for benchmarks: committees of old six-storey estates, every unit
 * with owners as in real registers (some co-owned, some owners with a second unit, a few
 * without a known owner). Deterministic, so runs compare.
 */
import { prng } from '../src/server/demo/prng.ts';
import { idCheckDigit } from '../src/core/privacy.ts';
import type { SheetRow } from '../src/server/modules/registry/excel/layout.ts';
import { formatAreaM2 } from '../src/core/area.ts';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '朱',
  '沈',
  '顾',
  '陆',
];
const GIVEN = [
  '建国',
  '秀英',
  '志明',
  '美华',
  '国强',
  '丽娟',
  '伟',
  '敏',
  '静',
  '海燕',
  '德明',
  '玉兰',
  '根宝',
  '佩芳',
];

export interface GeneratedRegistry {
  committees: string[];
  rows: SheetRow[];
  units: number;
}

export function generateRegistry(unitCount: number, committeeCount = 10): GeneratedRegistry {
  const rnd = prng(42);
  const committees = Array.from({ length: committeeCount }, (_, i) => `测试${i + 1}居委`);
  const rows: SheetRow[] = [];
  let serial = 0;
  const person = () => {
    serial++;
    // fictional numbers, distinct by their serial, with a valid check digit
    const body = `3101${String(serial).padStart(13, '0')}`;
    return {
      ownerName: rnd.pick(SURNAMES) + rnd.pick(GIVEN),
      idNumber: body + idCheckDigit(body),
      phone: `139${String(serial).padStart(8, '0')}`,
    };
  };
  let units = 0;
  type Owner = ReturnType<typeof person>;
  let previousOwner: Owner | null = null;
  for (let b = 0; units < unitCount; b++) {
    const committee = committees[b % committeeCount]!;
    const estateNo = Math.floor(b / committeeCount / 20) + 1;
    const estate = `${committee.slice(0, -2)}新村${estateNo}`;
    const building = `${(Math.floor(b / committeeCount) % 20) + 1}号`;
    const floors = 6;
    for (let s = 1; s <= 2 && units < unitCount; s++) {
      for (let floor = 1; floor <= floors && units < unitCount; floor++) {
        for (let u = 1; u <= 2 && units < unitCount; u++, units++) {
          const unit = {
            committee,
            estate,
            estateAddress: `上海市虹口区测试路${estateNo * 100 + (b % committeeCount)}弄`,
            building,
            floors,
            buildingAddress: '',
            stairwell: `${s}单元`,
            floor,
            room: `${floor}0${u}`,
            area: formatAreaM2(rnd.int(4000, 9000)),
          };
          const roll = rnd.next();
          if (roll < 0.03) {
            rows.push({ ...unit, ownerName: '', idNumber: '', phone: '' });
            continue;
          }
          const owner: Owner = roll < 0.07 && previousOwner ? previousOwner : person();
          rows.push({ ...unit, ...owner });
          if (roll > 0.9) rows.push({ ...unit, ...person() }); // co-owned
          previousOwner = owner;
        }
      }
    }
  }
  return { committees, rows, units };
}
