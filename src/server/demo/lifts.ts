/**
 * The demo's lifts in service (运维保养关): each completed project's lift with its equipment, a
 * maintenance contract renewed yearly, the insurance, the yearly inspection, and the last year of
 * visits — most on time, a few late, one lift whose half-monthly visit is overdue today and one
 * whose inspection falls due next month.
 */
import { addDays } from '../../core/calendar.ts';
import { shanghaiMorning } from '../../core/clock.ts';
import { addMonths, itemsOfVisit, visitsDue, type VisitKind } from '../../core/upkeep.ts';
import { auditScope, type Access } from '../platform/access.ts';
import type { Db } from '../platform/db/client.ts';
import { auditEvents } from '../modules/audit/schema.ts';
import { liftProjects } from '../modules/projects/schema.ts';
import {
  liftInspections,
  liftInsurance,
  maintenanceContracts,
  maintenanceVisits,
} from '../modules/lifts/schema.ts';
import { saveLift } from '../modules/lifts/service.ts';
import type { prng } from './prng.ts';

const MAKERS = [
  ['上海三菱电梯有限公司', 'LEHY-MRL'],
  ['日立电梯（中国）有限公司', 'HGP-Ⅱ'],
  ['通力电梯有限公司', 'KONE MonoSpace'],
  ['迅达（中国）电梯有限公司', 'Schindler 3300'],
] as const;
const COMPANIES = ['沪安电梯维保有限公司', '申虹电梯工程有限公司', '江湾电梯服务有限公司'];
const TECHNICIANS = ['李建国', '张伟', '陈志明', '周强'];
const INSPECTOR = '上海市特种设备监督检验技术研究院';

type Project = typeof liftProjects.$inferSelect;

/**
 * The kind of the visit a technician makes on a day: the longest whose items would fall due before
 * the next visit (about two weeks on), as the schedule asks.
 */
function kindOn(done: { on: string; kind: VisitKind }[], enteredUseOn: string, on: string): VisitKind {
  const dues = visitsDue(done, enteredUseOn, on).filter((d) => d.due <= addDays(on, 14));
  return dues.at(-1)?.kind ?? 'half_monthly';
}

export async function seedLifts(
  db: Db,
  access: Access,
  projects: Project[],
  today: string,
  rnd: ReturnType<typeof prng>,
) {
  const inService = projects.filter((p) => p.stage === 'in_service' && p.completedOn);
  for (const [n, p] of inService.entries()) {
    const enteredUseOn = p.completedOn!;
    const at = (date: string): Access => {
      const now = shanghaiMorning(date, 10);
      return { ...access, now, today: date, actor: { ...access.actor, at: now } };
    };
    const [maker, model] = MAKERS[n % MAKERS.length]!;
    const lift = await saveLift(db, at(enteredUseOn), p.id, {
      registrationCode: `3110310114${enteredUseOn.slice(0, 4)}${String(1000 + n).padStart(6, '0')}`,
      useRegistrationNo: `梯11沪H${String(100 + n).padStart(4, '0')}(${enteredUseOn.slice(2, 4)})`,
      maker,
      model,
      ratedLoadKg: 630,
      speed: '1.00',
      stops: 6,
      floorsServed: ['1', '2', '3', '4', '5', '6'],
      useUnitKind: n % 3 === 0 ? 'property_company' : 'owners_group',
      useUnitName: n % 3 === 0 ? '江湾物业管理有限公司' : `${p.name.replace(/加装电梯.*$/, '')}业主自管小组`,
      useUnitContact: ['王志强', '刘美华', '赵国庆'][n % 3]!,
      useUnitPhone: `021-6555${String(1000 + n).slice(-4)}`,
      enteredUseOn,
      warrantyStartsOn: enteredUseOn,
      warrantyMonths: 24,
      // the reform's alternate years on every other lift
      inspectionPlan: n % 2 === 0 ? 'alternate_self_inspection' : 'yearly_inspection',
    });
    const company = COMPANIES[n % COMPANIES.length]!;
    const rows = {
      contracts: [] as (typeof maintenanceContracts.$inferInsert)[],
      insurance: [] as (typeof liftInsurance.$inferInsert)[],
      inspections: [] as (typeof liftInspections.$inferInsert)[],
      visits: [] as (typeof maintenanceVisits.$inferInsert)[],
    };
    // a contract and a policy for each year from entering use, the last still in force today
    for (let start = enteredUseOn; start <= today; start = addMonths(start, 12)) {
      const end = addDays(addMonths(start, 12), -1);
      rows.contracts.push({
        liftId: lift.id,
        company,
        companyPhone: `021-6500${String(n % COMPANIES.length).padStart(4, '0')}`,
        licence: `TS3431${String(200 + (n % COMPANIES.length))}-2024`,
        startsOn: start,
        endsOn: end,
        yearlyFeeFen: 500_000,
        faultResponseMinutes: 120,
        entrapmentResponseMinutes: 30,
      });
      rows.insurance.push({
        liftId: lift.id,
        insurer: '中国人民财产保险股份有限公司上海市分公司',
        policyNo: `PICC-${start.slice(0, 4)}-${String(100 + n)}`,
        startsOn: start,
        endsOn: end,
        premiumFen: 80_000,
      });
    }
    // the yearly checks that have fallen due; on the second lift the next falls due next month
    const anniversaries: string[] = [];
    for (let due = addMonths(enteredUseOn, 12); due <= today; due = addMonths(due, 12))
      anniversaries.push(due);
    anniversaries.forEach((due, i) =>
      rows.inspections.push({
        liftId: lift.id,
        kind: n % 2 === 0 && i % 2 === 1 ? 'self' : 'periodic',
        on: addDays(due, -rnd.int(3, 12)),
        inspector: INSPECTOR,
        reportNo: `DT${due.slice(0, 4)}-${String(3000 + n * 10 + i)}`,
        result: rnd.next() < 0.15 ? 'pass_after_fixes' : 'pass',
        nextDueOn: n === 1 && i === anniversaries.length - 1 ? addDays(today, 25) : null,
        byName: company,
      }),
    );
    // the last year of visits, 12–15 days apart; a few late (17–19 days), none lately; the first lift is overdue today
    const from = enteredUseOn > addMonths(today, -12) ? enteredUseOn : addMonths(today, -12);
    const stopBefore = n === 0 ? addDays(today, -18) : today;
    for (
      let on = addDays(from, rnd.int(5, 12));
      on < stopBefore;
      on = addDays(on, rnd.next() < 0.05 && addDays(on, 40) < today ? rnd.int(17, 19) : rnd.int(12, 15))
    ) {
      const kind = kindOn(rows.visits, enteredUseOn, on);
      rows.visits.push({
        liftId: lift.id,
        on,
        kind,
        technician: TECHNICIANS[rnd.int(0, TECHNICIANS.length - 1)]!,
        itemsDone: itemsOfVisit(kind).map((i) => i.key),
        findings: rnd.next() < 0.1 ? '层门滚轮磨损，已更换' : '',
        signedBy: lift.useUnitContact,
        byName: company,
        createdAt: shanghaiMorning(on, 15),
      });
    }
    await db.transaction(async (tx) => {
      if (rows.contracts.length) await tx.insert(maintenanceContracts).values(rows.contracts);
      if (rows.insurance.length) await tx.insert(liftInsurance).values(rows.insurance);
      if (rows.inspections.length) await tx.insert(liftInspections).values(rows.inspections);
      if (rows.visits.length) await tx.insert(maintenanceVisits).values(rows.visits);
      // as the services record them: one audit row per record
      const audit = (action: string, on: string, summary: string) => ({
        at: shanghaiMorning(on, 16),
        actorUserId: access.actor.userId,
        actorName: access.actor.name,
        action,
        entity: 'lift',
        entityId: lift.id,
        projectId: p.id,
        ...auditScope(access, p.committeeId),
        summary,
      });
      const events = [
        ...rows.contracts.map((k) =>
          audit('maintenance_contract_add', k.startsOn, `维保合同：${p.name}，${k.company}`),
        ),
        ...rows.insurance.map((k) => audit('lift_insurance_add', k.startsOn, `电梯安全责任保险：${p.name}`)),
        ...rows.inspections.map((k) => audit('lift_inspection_add', k.on, `年度检验：${p.name}，${k.on}`)),
        ...rows.visits.map((k) =>
          audit('maintenance_visit_add', k.on, `维保：${p.name}，${k.on}，${k.technician}`),
        ),
      ];
      for (let i = 0; i < events.length; i += 500)
        await tx.insert(auditEvents).values(events.slice(i, i + 500));
    });
  }
}
