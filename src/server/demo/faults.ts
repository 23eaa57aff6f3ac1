/**
 * The demo's faults (issue 12 item 8): a few reports on lifts in service, one an entrapment, with
 * their response times against the demo contracts' promise (2 hours, entrapments 30 minutes) —
 * one fault late, one lift failing repeatedly, one report still open and past its limit. Takes the lifts the demo already has; an in-service project without one gets
 * its lift recorded here, with a public code from the demo's dice.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { addDays } from '../../core/calendar.ts';
import { shanghaiDate, shanghaiMorning } from '../../core/clock.ts';
import { codeFromRandom } from '../../core/consent/codes.ts';
import type { FaultKind, MoveStep } from '../../core/faults.ts';
import type { Access } from '../platform/access.ts';
import type { Db } from '../platform/db/client.ts';
import { moveFault, recordStaffFault, reportByLiftCode } from '../modules/faults/service.ts';
import { liftFaults } from '../modules/faults/schema.ts';
import { lifts } from '../modules/lifts/schema.ts';
import { liftProjects } from '../modules/projects/schema.ts';
import { prng } from './prng.ts';

interface DemoFault {
  lift: number;
  kind: FaultKind;
  from: 'lift_code' | 'phone';
  daysAgo: number;
  hour: number;
  description: string;
  /** minutes after the report of each step reached; a step left out is not reached */
  steps: Partial<Record<MoveStep, number>>;
  resolution: string;
}

const FAULTS: DemoFault[] = [
  {
    lift: 0,
    kind: 'entrapment',
    from: 'lift_code',
    daysAgo: 75,
    hour: 19,
    description: '电梯停在 3 楼和 4 楼之间，里面有一位老人',
    steps: { acknowledged: 2, on_site: 22, fixed: 41, closed: 24 * 60 },
    resolution: '救援人员到场后盘车放人，老人安全；检查门锁回路后恢复运行',
  },
  {
    lift: 1,
    kind: 'fault',
    from: 'phone',
    daysAgo: 40,
    hour: 9,
    description: '五楼外呼按钮按了没有反应',
    steps: { acknowledged: 15, on_site: 95, fixed: 3 * 60, closed: 26 * 60 },
    resolution: '更换五楼外呼按钮',
  },
  {
    lift: 2,
    kind: 'fault',
    from: 'lift_code',
    daysAgo: 12,
    hour: 17,
    description: '轿厢照明不亮',
    steps: { acknowledged: 90, on_site: 26 * 60, fixed: 27 * 60, closed: 50 * 60 },
    resolution: '更换轿厢照明灯具；维保单位周末人手不足，到场超时，已约谈',
  },
  ...[25, 14, 3].map((daysAgo, i): DemoFault => ({
    lift: 3,
    kind: 'fault',
    from: i === 1 ? 'lift_code' : 'phone',
    daysAgo,
    hour: 8 + i * 3,
    description: ['开关门时有异响', '开门很慢', '运行中有抖动'][i]!,
    steps: { acknowledged: 10, on_site: 80, fixed: 3 * 60, closed: 24 * 60 },
    resolution: ['调整门机皮带', '清理地坎、调整门机', '更换导靴衬，建议安排专项检查'][i]!,
  })),
  {
    lift: 4,
    kind: 'fault',
    from: 'phone',
    daysAgo: 1,
    hour: 16,
    description: '显示屏不显示楼层',
    steps: { acknowledged: 20 },
    resolution: '',
  },
];

const idOf = async (db: Db, ref: string) =>
  (await db.select({ id: liftFaults.id }).from(liftFaults).where(eq(liftFaults.ref, ref)))[0]!.id;

const at = (access: Access, when: Date): Access => ({
  ...access,
  now: when,
  today: shanghaiDate(when),
  actor: { ...access.actor, at: when },
});

/** Lifts for the in-service projects (recorded here where the demo has none yet), then their faults. */
export async function seedFaults(db: Db, access: Access, today: string) {
  const rnd = prng(1212);
  const inService = await db
    .select({
      id: liftProjects.id,
      committeeId: liftProjects.committeeId,
      completedOn: liftProjects.completedOn,
    })
    .from(liftProjects)
    .where(eq(liftProjects.stage, 'in_service'))
    .orderBy(asc(liftProjects.createdAt), asc(liftProjects.name));
  if (!inService.length) return;
  const have = new Set(
    (
      await db
        .select({ projectId: lifts.projectId })
        .from(lifts)
        .where(
          inArray(
            lifts.projectId,
            inService.map((p) => p.id),
          ),
        )
    ).map((l) => l.projectId),
  );
  const missing = inService.filter((p) => !have.has(p.id));
  if (missing.length)
    await db.insert(lifts).values(
      missing.map((p) => ({
        projectId: p.id,
        committeeId: p.committeeId,
        enteredUseOn: p.completedOn,
        publicCode: codeFromRandom(() => rnd.int(0, 255)),
      })),
    );
  const rows = await db
    .select()
    .from(lifts)
    .where(
      inArray(
        lifts.projectId,
        inService.map((p) => p.id),
      ),
    );
  const ordered = inService.map((p) => rows.find((l) => l.projectId === p.id)!);
  for (const f of FAULTS) {
    const lift = ordered[f.lift % ordered.length]!;
    const reportedAt = new Date(
      shanghaiMorning(addDays(today, -f.daysAgo), f.hour).getTime() + rnd.int(0, 50) * 60_000,
    );
    const input = { kind: f.kind, description: f.description };
    const id =
      f.from === 'lift_code'
        ? await idOf(db, (await reportByLiftCode(db, lift.publicCode, reportedAt, input)).ref)
        : (
            await recordStaffFault(db, at(access, reportedAt), {
              ...input,
              liftId: lift.id,
              channel: 'phone',
            })
          ).id;
    for (const [step, minutes] of Object.entries(f.steps) as [MoveStep, number][]) {
      const when = new Date(reportedAt.getTime() + minutes * 60_000);
      await moveFault(db, at(access, when), id, {
        step,
        ...(step === 'fixed' || step === 'closed' ? { resolution: f.resolution } : {}),
      });
    }
  }
}
