/**
 * The demo's works (issue 12 item 8): the projects under construction at different milestones
 * (one with a milestone overdue), each with its contractor and a few days of site log; the one at
 * acceptance with the works done and acceptance under way; the ones in service with every milestone done and the use registration within its 30 days. Written straight
 * to the tables, as the histories write the approval steps, with a prng of its own.
 */
import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { addDays } from '../../core/calendar.ts';
import { shanghaiMorning } from '../../core/clock.ts';
import { ACCEPTANCE_MILESTONE, REGISTRATION_MILESTONE, type MilestoneTemplate } from '../../core/works.ts';
import type { Db } from '../platform/db/client.ts';
import { liftProjects } from '../modules/projects/schema.ts';
import { storedFiles } from '../modules/files/schema.ts';
import { worksLogEntries, worksLogPhotos, worksMilestones, worksParties } from '../modules/works/schema.ts';
import { worksTemplateOfCommittee } from '../modules/works/service.ts';
import type { DemoTimeline } from './histories.ts';
import { prng } from './prng.ts';
import { sitePhoto } from './site-photos.ts';

const CONTRACTORS = [
  { contractorName: '上海申江电梯工程有限公司', contractorLicence: 'D231000001' },
  { contractorName: '上海虹口建设工程有限公司', contractorLicence: 'D231000002' },
  { contractorName: '上海安居加梯科技有限公司', contractorLicence: 'D231000003' },
];
const MANAGERS = ['陈建国', '李卫东', '张海峰', '周明'];
const SUPERVISORS = ['上海同济工程监理有限公司', ''];
const WEATHER = ['晴', '多云', '阴', '小雨'];
const WORK_OF: Record<string, string> = {
  pipe_relocation: '燃气、雨水管线移位，开挖探沟',
  foundation: '基坑开挖，绑扎钢筋，浇筑基础混凝土',
  steel_shaft: '钢结构井道吊装，焊接与防腐',
  installation: '导轨、曳引机与轿厢安装',
  commissioning: '电气接线与运行调试',
  supervision_inspection: '配合特种设备检验机构监督检验',
};
const SAFETY = [
  '围挡完好，通道畅通，动火有证',
  '脚手架验收合格，安全帽佩戴齐全',
  '临时用电检查，消防器材到位',
];

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The milestones' days fitted into [from, to], each in proportion to its typical length. */
function fit(days: number[], from: string, to: string) {
  const total = daysBetween(from, to) + 1;
  const sum = days.reduce((a, b) => a + b, 0);
  let cum = 0;
  return days.map((d) => {
    const start = addDays(from, Math.floor((total * cum) / sum));
    cum += d;
    const end = addDays(from, Math.floor((total * cum) / sum) - 1);
    return { start, end: end < start ? start : end };
  });
}

type Row = typeof worksMilestones.$inferInsert;

export async function seedWorks(db: Db, today: string, timelines: Map<string, DemoTimeline>) {
  const rnd = prng(1212);
  const projects = await db
    .select()
    .from(liftProjects)
    .orderBy(asc(liftProjects.createdAt), asc(liftProjects.name));
  let building = 0;
  const rows: Row[] = [];
  const parties: (typeof worksParties.$inferInsert)[] = [];
  const log: (typeof worksLogEntries.$inferInsert)[] = [];
  /** the milestone under way on each log entry's day, for its photo */
  const logKeys: string[] = [];
  for (const p of projects) {
    if (p.stage !== 'construction' && p.stage !== 'acceptance' && p.stage !== 'in_service') continue;
    const dates = timelines.get(p.id)!.dates;
    const start = dates.get('construction')!;
    const { milestones } = await worksTemplateOfCommittee(db, p.committeeId);
    const row = (m: MilestoneTemplate, position: number, v: Partial<Row>): Row => ({
      projectId: p.id,
      committeeId: p.committeeId,
      position,
      key: m.key,
      name: m.name,
      ...v,
    });
    const contractor = rnd.pick(CONTRACTORS);
    parties.push({
      projectId: p.id,
      committeeId: p.committeeId,
      ...contractor,
      siteManager: rnd.pick(MANAGERS),
      siteManagerPhone: `1391602${String(rnd.int(1000, 9999))}`,
      supervisorName: rnd.pick(SUPERVISORS),
      updatedAt: shanghaiMorning(start),
    });
    const doneAsPlanned = (m: MilestoneTemplate, i: number, span: { start: string; end: string }) =>
      row(m, i, {
        status: 'done',
        plannedStart: span.start,
        plannedEnd: span.end,
        actualStart: span.start,
        actualEnd: span.end,
      });
    const gateEnd = milestones.findIndex((m) => m.key === ACCEPTANCE_MILESTONE);
    if (p.stage === 'acceptance') {
      // the works done up to acceptance; acceptance under way, the registration to come
      const accepted = dates.get('acceptance')!;
      const before = milestones.slice(0, Math.max(gateEnd, 0));
      const spans = fit(
        before.map((m) => m.days),
        start,
        addDays(accepted, -1),
      );
      let next = accepted;
      milestones.forEach((m, i) => {
        if (i < before.length) {
          rows.push(doneAsPlanned(m, i, spans[i]!));
          return;
        }
        const plannedStart = next;
        let plannedEnd = addDays(plannedStart, m.days - 1);
        if (i === before.length && plannedEnd < today) plannedEnd = addDays(today, 5);
        next = addDays(plannedEnd, 1);
        rows.push(
          row(m, i, {
            status: i === before.length ? 'in_progress' : 'pending',
            plannedStart,
            plannedEnd,
            actualStart: i === before.length ? plannedStart : null,
          }),
        );
      });
      continue;
    }
    if (p.stage === 'in_service') {
      // all done: the works up to acceptance, acceptance until use, registration within 30 days of use
      const accepted = dates.get('acceptance')!;
      const inUse = dates.get('in_service')!;
      const before = milestones.slice(0, Math.max(gateEnd, 0));
      const spans = fit(
        before.map((m) => m.days),
        start,
        addDays(accepted, -1),
      );
      milestones.forEach((m, i) => {
        const span =
          i < before.length
            ? spans[i]!
            : m.key === REGISTRATION_MILESTONE
              ? { start: inUse, end: addDays(inUse, rnd.int(8, 25)) }
              : { start: accepted, end: inUse };
        rows.push(doneAsPlanned(m, i, span));
      });
      continue;
    }
    // under construction: the k-th is under way, those before it done (fitted into the days so far)
    const k = building++ % Math.max(gateEnd, 1);
    const yesterday = addDays(today, -1);
    const done = k
      ? fit(
          milestones.slice(0, k).map((m) => m.days),
          start,
          yesterday,
        )
      : [];
    let next = k ? addDays(done[k - 1]!.end, 1) : start;
    milestones.forEach((m, i) => {
      if (i < k) {
        const late = rnd.int(0, 2);
        rows.push(
          row(m, i, {
            status: 'done',
            plannedStart: done[i]!.start,
            plannedEnd: done[i]!.end,
            actualStart: done[i]!.start,
            actualEnd: addDays(done[i]!.end, late) > yesterday ? done[i]!.end : addDays(done[i]!.end, late),
          }),
        );
        return;
      }
      const plannedStart = next;
      // the first project under construction has its first milestone overdue (on the work list)
      let plannedEnd = addDays(plannedStart, m.days - 1);
      if (i === k)
        plannedEnd =
          building === 1 ? addDays(today, -2) : plannedEnd < today ? addDays(today, 3) : plannedEnd;
      if (plannedEnd < plannedStart) plannedEnd = plannedStart;
      next = addDays(plannedEnd, 1);
      rows.push(
        row(m, i, {
          status: i === k ? 'in_progress' : 'pending',
          plannedStart,
          plannedEnd,
          actualStart: i === k ? (plannedStart <= today ? plannedStart : today) : null,
        }),
      );
    });
    // a few days of site log, the newest yesterday
    const days = Math.min(4, daysBetween(start, today));
    for (let d = days; d >= 1; d--) {
      const on = addDays(today, -d);
      const current = rows.filter((r) => r.projectId === p.id && r.plannedStart! <= on).at(-1);
      log.push({
        projectId: p.id,
        committeeId: p.committeeId,
        on,
        weather: rnd.pick(WEATHER),
        workDone: WORK_OF[current?.key ?? ''] ?? '现场施工',
        workers: rnd.int(4, 9),
        safetyChecks: rnd.pick(SAFETY),
        byName: `${parties.at(-1)!.siteManager}（项目经理）`,
        createdAt: shanghaiMorning(on, 17),
      });
      logKeys.push(current?.key ?? '');
    }
  }
  if (rows.length) await db.insert(worksMilestones).values(rows);
  if (parties.length) await db.insert(worksParties).values(parties);
  if (log.length) {
    const entries = await db.insert(worksLogEntries).values(log).returning();
    await seedPhotos(db, entries, logKeys);
  }
}

/**
 * A photo of the site on every other log entry (the newest always), drawn at the milestone under
 * way that day: the lifts under construction show different stages of the works.
 */
async function seedPhotos(db: Db, entries: (typeof worksLogEntries.$inferSelect)[], keys: string[]) {
  const shown = entries
    .map((e, i) => ({ e, key: keys[i]!, i }))
    .filter(
      ({ e, i }) => i === entries.length - 1 || entries[i + 1]!.projectId !== e.projectId || i % 2 === 0,
    );
  if (!shown.length) return;
  const files = await db
    .insert(storedFiles)
    .values(
      shown.map(({ e, key, i }) => {
        const content = sitePhoto(key, i % 4);
        return {
          name: `现场照片-${e.on}.png`,
          mime: 'image/png',
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          ownerEntity: 'works_log',
          committeeId: e.committeeId,
          uploadedAt: e.createdAt,
        };
      }),
    )
    .returning({ id: storedFiles.id });
  await db.insert(worksLogPhotos).values(
    shown.map(({ e }, i) => ({
      entryId: e.id,
      projectId: e.projectId,
      committeeId: e.committeeId,
      fileId: files[i]!.id,
      caption: WORK_OF[keys[entries.indexOf(e)]!] ?? '现场施工',
      byName: e.byName,
      createdAt: e.createdAt,
    })),
  );
}
