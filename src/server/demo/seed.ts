import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Stage } from '../../core/stages.ts';
import { addDays } from '../../core/calendar.ts';
import { shanghaiMorning } from '../../core/clock.ts';
import { systemActor } from '../platform/actor.ts';
import { recordAudit } from '../modules/audit/record.ts';
import type { Db, Tx } from '../platform/db/client.ts';
import { hashPassword } from '../platform/passwords.ts';
import { users } from '../modules/accounts/schema.ts';
import { liftProjects } from '../modules/projects/schema.ts';
import {
  buildings,
  committees,
  districts,
  estates,
  persons,
  stairwells,
  streets,
  unitOwners,
  units,
} from '../modules/registry/schema.ts';
import { idCheckDigit } from '../../core/privacy.ts';
import type { CodeKeys } from '../platform/code-keys.ts';
import { demoTimeline, seedHistories, type DemoTimeline } from './histories.ts';
import { seedWorks } from './works.ts';
import { WorkCalendar } from '../../core/calendar.ts';
import { prng } from './prng.ts';

export const DEMO_PASSWORD = 'jiangwan2026';

/*
 * The residents' committees and estates are modelled on Jiangwan Town Street's area (胜利居委
 * and 广粤路1601弄 appear in the sources); the rest, and every owner, is fictional.
 */
const COMMITTEES: { name: string; road: string; estates: string[] }[] = [
  { name: '胜利居委', road: '广粤路', estates: ['广粤路1601弄', '胜利新村'] },
  { name: '新市北路居委', road: '新市北路', estates: ['新市北路1520弄', '新市小区'] },
  { name: '学府居委', road: '学府路', estates: ['学府新苑', '学府路88弄'] },
  { name: '广中居委', road: '广中路', estates: ['广中新村', '广中路700弄'] },
  { name: '三门路居委', road: '三门路', estates: ['三门路358弄', '三门小区'] },
  { name: '万安居委', road: '万安路', estates: ['万安新村', '万安路1050弄'] },
  { name: '丰镇居委', road: '丰镇路', estates: ['丰镇新村', '丰镇路806弄'] },
];

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
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '沈',
  '顾',
  '陆',
  '蔡',
  '钱',
  '汪',
  '俞',
  '姚',
  '金',
  '施',
];
const GIVEN = [
  '建国',
  '秀英',
  '桂英',
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
  '文华',
  '根宝',
  '阿娣',
  '佩芳',
  '晓峰',
  '家宝',
  '凤英',
  '金妹',
  '荣生',
  '雪芳',
  '永康',
  '慧',
  '立新',
  '惠珍',
  '继红',
  '宝根',
  '红梅',
];

/** How the demo's projects spread over the stages; the first three figures are the article's. */
const DEMO_STAGES: [Stage, number][] = [
  ['in_service', 17],
  ['construction', 6],
  ['ready_to_build', 13],
  ['approvals', 6],
  ['design_review', 3],
  ['publicity', 3],
  ['agreement', 3],
  ['consultation', 5],
  ['mobilisation', 1],
  ['paused', 1],
  // appended last, so adding them moved no other project onto another stairwell
  ['acceptance', 1],
  ['withdrawn', 1],
];

export interface SeedSummary {
  committees: number;
  estates: number;
  buildings: number;
  stairwells: number;
  units: number;
  persons: number;
  projects: number;
}

export async function isEmpty(db: Db) {
  const [row] = await db.select({ n: count() }).from(districts);
  return (row?.n ?? 0) === 0;
}

async function insertChunked<T>(tx: Tx, table: Parameters<Tx['insert']>[0], rows: T[], size = 1000) {
  for (let i = 0; i < rows.length; i += size) await tx.insert(table).values(rows.slice(i, i + size) as never);
}

const withCheckDigit = (first17: string) => first17 + idCheckDigit(first17);

/**
 * Seeds 江湾镇街道 with its committees, housing, owners, accounts and lift projects, their
 * histories placed relative to `today` (Shanghai), so the demo is as current on any day it runs.
 */
export async function seedDemo(
  db: Db,
  opts: { today: string; histories?: boolean; codeKeys: CodeKeys },
): Promise<SeedSummary> {
  const rnd = prng(20260101);
  const jitter = prng(4242);
  const { today } = opts;
  // a street without entered years: the package's and the statutory holidays, as a new street has
  const cal = new WorkCalendar();
  const timelines = new Map<string, DemoTimeline>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = await db.transaction(async (tx) => {
    const [district] = await tx.insert(districts).values({ name: '虹口区' }).returning();
    const [street] = await tx
      .insert(streets)
      .values({ name: '江湾镇街道', districtId: district!.id })
      .returning();

    const committeeRows = COMMITTEES.map((c) => ({ id: randomUUID(), streetId: street!.id, name: c.name }));
    await tx.insert(committees).values(committeeRows);

    const estateRows: (typeof estates.$inferInsert & { id: string; committeeId: string })[] = [];
    const buildingRows: (typeof buildings.$inferInsert & { id: string })[] = [];
    const stairwellRows: (typeof stairwells.$inferInsert & { id: string; floors: number; label: string })[] =
      [];
    const unitRows: (typeof units.$inferInsert & { id: string })[] = [];
    COMMITTEES.forEach((c, ci) => {
      c.estates.forEach((estateName, ei) => {
        const estateId = randomUUID();
        const lane = 100 + ci * 211 + ei * 37;
        estateRows.push({
          id: estateId,
          committeeId: committeeRows[ci]!.id,
          name: estateName,
          address: `上海市虹口区${c.road}${lane}弄`,
        });
        const buildingCount = 5;
        for (let b = 1; b <= buildingCount; b++) {
          const buildingId = randomUUID();
          // 广粤路1601弄 26号 and 27号: the completed lift of the sources
          const name = ci === 0 && ei === 0 ? `${24 + b}号` : `${b + ei * 10}号`;
          const floors = rnd.int(5, 7);
          buildingRows.push({
            id: buildingId,
            estateId,
            committeeId: committeeRows[ci]!.id,
            name,
            floors,
            address: `上海市虹口区${c.road}${lane}弄${name}`,
          });
          const stairCount = rnd.int(1, 3);
          const perFloor = rnd.int(2, 4);
          for (let s = 1; s <= stairCount; s++) {
            const stairwellId = randomUUID();
            stairwellRows.push({
              id: stairwellId,
              buildingId,
              committeeId: committeeRows[ci]!.id,
              name: `${s}单元`,
              floors,
              label: `${estateName}${name}${s}单元`,
            });
            for (let f = 1; f <= floors; f++) {
              for (let u = 1; u <= perFloor; u++) {
                const areaCenti = rnd.int(4000, 9000);
                unitRows.push({
                  id: randomUUID(),
                  stairwellId,
                  committeeId: committeeRows[ci]!.id,
                  floor: f,
                  room: `${f}0${u}`,
                  areaCenti,
                });
              }
            }
          }
        }
      });
    });
    await insertChunked(tx, estates, estateRows);
    await insertChunked(tx, buildings, buildingRows);
    await insertChunked(
      tx,
      stairwells,
      stairwellRows.map(({ floors: _f, label: _l, ...s }) => s),
    );
    await insertChunked(tx, units, unitRows);

    // owners: most units one owner, some co-owned (spouses), a few owners hold a second unit
    const personRows: (typeof persons.$inferInsert & { id: string })[] = [];
    const ownerRows: (typeof unitOwners.$inferInsert)[] = [];
    const usedIds = new Set<string>();
    const newPerson = () => {
      let idNumber: string;
      do {
        const birth = `19${rnd.int(38, 85)}${String(rnd.int(1, 12)).padStart(2, '0')}${String(rnd.int(1, 28)).padStart(2, '0')}`;
        idNumber = withCheckDigit(`310109${birth}${String(rnd.int(0, 999)).padStart(3, '0')}`);
      } while (usedIds.has(idNumber));
      usedIds.add(idNumber);
      const p = { id: randomUUID(), name: rnd.pick(SURNAMES) + rnd.pick(GIVEN), idNumber };
      personRows.push(p);
      // the phone is the committee's record of the owner, kept on each of their ownerships
      return { ...p, phone: `13${rnd.int(0, 9)}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}` };
    };
    const unitsByStairwell = new Map<string, typeof unitRows>();
    for (const u of unitRows)
      unitsByStairwell.set(u.stairwellId, [...(unitsByStairwell.get(u.stairwellId) ?? []), u]);
    const owns = (unitId: string, person: { id: string; phone: string }) =>
      ownerRows.push({ unitId, personId: person.id, phone: person.phone });
    let previous: { id: string; phone: string } | null = null;
    for (const u of unitRows) {
      const roll = rnd.next();
      if (roll < 0.04 && previous) {
        owns(u.id, previous); // the same buyer's second unit
        continue;
      }
      const first = newPerson();
      owns(u.id, first);
      if (roll > 0.82) owns(u.id, newPerson()); // co-owned
      previous = first;
    }
    await insertChunked(tx, persons, personRows);
    await insertChunked(tx, unitOwners, ownerRows);

    await tx.insert(users).values([
      {
        username: 'admin',
        displayName: '江湾镇街道管理员',
        passwordHash,
        role: 'street_admin',
        streetId: street!.id,
        organisation: '江湾镇街道社区党建办',
        demo: true,
      },
      {
        username: 'shengli',
        displayName: '胜利居委 工作人员',
        passwordHash,
        role: 'committee_staff',
        committeeId: committeeRows[0]!.id,
        organisation: '胜利居委',
        demo: true,
      },
      {
        username: 'jjl',
        displayName: '家加乐 顾问',
        passwordHash,
        role: 'adviser',
        streetId: street!.id,
        organisation: '家加乐加装电梯事务所',
        demo: true,
      },
      {
        username: 'district',
        displayName: '虹口区房管局',
        passwordHash,
        role: 'district_viewer',
        districtId: district!.id,
        organisation: '虹口区房屋管理局',
        demo: true,
      },
    ]);
    const adviser = (await tx.select().from(users)).find((u) => u.username === 'jjl')!;

    // projects: the first stairwells of each estate, stages as the article counts them
    const projectRows: (typeof liftProjects.$inferInsert)[] = [];
    // every committee gets projects at every kind of stage: take stairwells round-robin by committee
    const byCommittee = committeeRows.map((c) =>
      stairwellRows.filter((s, i) => s.committeeId === c.id && i % 3 !== 2),
    );
    const candidates = Array.from({ length: Math.max(...byCommittee.map((l) => l.length)) }, (_, i) =>
      byCommittee.map((l) => l[i]),
    )
      .flat()
      .filter((s) => s !== undefined);
    // 胜利居委 (the demo's committee account) runs a vote still open: the first project put to a
    // vote takes the next stairwell of that committee not used by any project
    const used = DEMO_STAGES.reduce((sum, [, n]) => sum + n, 0);
    const firstVote = DEMO_STAGES.slice(
      0,
      DEMO_STAGES.findIndex(([stage]) => stage === 'consultation'),
    ).reduce((sum, [, n]) => sum + n, 0);
    const spare = candidates.findIndex((sw, i) => i >= used && sw.committeeId === committeeRows[0]!.id);
    if (spare >= 0) [candidates[firstVote], candidates[spare]] = [candidates[spare]!, candidates[firstVote]!];
    let k = 0;
    for (const [stage, n] of DEMO_STAGES) {
      for (let i = 0; i < n; i++, k++) {
        const sw = candidates[k]!;
        // the date each stage was entered follows the typical Jiangwan timeline (histories.ts)
        const dayInStage = stage === 'in_service' ? rnd.int(30, 800) : rnd.int(5, 14);
        const timeline = demoTimeline(stage, today, dayInStage, () => jitter.int(-4, 6), cal);
        const at = (s: Stage) => timeline.dates.get(s) ?? null;
        const id = randomUUID();
        timelines.set(id, timeline);
        projectRows.push({
          id,
          name: `${sw.label}加装电梯`,
          stairwellId: sw.id,
          committeeId: sw.committeeId,
          stage,
          adviserUserId: k % 4 === 3 ? null : adviser.id,
          mobilisedOn: at('mobilisation'),
          consultationOn: at('consultation'),
          worksStartedOn: at('construction'),
          completedOn: at('in_service'),
        });
      }
    }
    await insertChunked(tx, liftProjects, projectRows);

    const summary: SeedSummary = {
      committees: committeeRows.length,
      estates: estateRows.length,
      buildings: buildingRows.length,
      stairwells: stairwellRows.length,
      units: unitRows.length,
      persons: personRows.length,
      projects: projectRows.length,
    };
    // the street was set up the day before its earliest project was mobilised
    const firstDay = [...timelines.values()].map((t) => t.dates.get('mobilisation')!).sort()[0] ?? today;
    await recordAudit(tx, systemActor(shanghaiMorning(addDays(firstDay, -1), 9)), {
      action: 'seed_demo',
      entity: 'street',
      entityId: street!.id,
      streetId: street!.id,
      summary: '演示数据 Demo street',
      after: summary,
    });
    return summary;
  });
  // histories run through the services (votes, ledgers), each in its own transaction
  if (opts.histories !== false) {
    await seedHistories(db, today, timelines, opts.codeKeys);
    await seedWorks(db, today, timelines);
  }
  return summary;
}
