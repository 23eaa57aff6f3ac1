/**
 * Issue 8, item 1: the demo street's history is placed relative to the day it is seeded, and every
 * date in it is consistent — whatever year that day is in (here late 2026, and in 2028 when no
 * holiday arrangement after 2026 is known).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.ts';
import { clockStartingAt } from '../../src/core/clock.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../helpers/app.ts';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const rows = async <T>(t: TestApp, query: ReturnType<typeof sql>) =>
  rowsOf<T>(await t.database.db.execute(query));
const none = async (t: TestApp, what: string, query: ReturnType<typeof sql>) =>
  expect(await rows(t, query), what).toEqual([]);

/** Every consistency rule as a query that lists what breaks it. */
async function expectConsistent(t: TestApp, today: string) {
  const endOfToday = `${addDays(today, 1)}T00:00:00+08:00`;
  await none(
    t,
    'ballots are cast while their vote is open',
    sql`
    select b.id from ballots b join consultations c on c.id = b.consultation_id
    where b.cast_at < c.opened_at or (c.closed_at is not null and b.cast_at > c.closed_at)`,
  );
  await none(
    t,
    'ledger events lie between opening and closing',
    sql`
    select e.id from ledger_events e join consultations c on c.id = e.consultation_id
    where e.at::timestamptz < c.opened_at or (c.closed_at is not null and e.at::timestamptz > c.closed_at)`,
  );
  await none(
    t,
    'a vote closes on or after its closing day and before the project moved on',
    sql`
    select c.id from consultations c join stage_changes s on s.project_id = c.project_id and s.to_stage = 'agreement'
    where c.purpose = 'willingness' and c.closes_on::date >= s."on"`,
  );
  await none(
    t,
    'follow-ups are started once the lift is in use, one at a time',
    sql`
    select c.id from consultations c join lifts l on l.project_id = c.project_id
    where c.purpose = 'follow_up' and (c.opens_on::date < l.entered_use_on or exists (
      select 1 from consultations d where d.project_id = c.project_id and d.purpose = 'follow_up' and d.id <> c.id
      and d.opened_at > c.opened_at and (c.closed_at is null or d.opened_at < c.closed_at)))`,
  );
  await none(
    t,
    'mediation sessions are held after their case was opened',
    sql`
    select m.id from mediation_sessions m join mediation_cases c on c.id = m.case_id where m.held_on < c.opened_on`,
  );
  await none(
    t,
    'cases close after they open',
    sql`select id from mediation_cases where closed_on < opened_on`,
  );
  await none(
    t,
    'a stage begins after the notice of the stage before it ended',
    sql`
    select n.id from notices n join stage_changes s on s.project_id = n.project_id
    where (n.kind = 'consultation_result' and s.to_stage = 'design_review' or n.kind = 'design_scheme' and s.to_stage = 'approvals') and n.ends_on >= s."on"`,
  );
  await none(
    t,
    'notices are posted on the day they start',
    sql`select id from notices where status = 'posted' and (posted_at at time zone 'Asia/Shanghai')::date <> start_on`,
  );
  await none(
    t,
    'nothing happened after today',
    sql`
    select 'stage' as what from stage_changes where "on" > ${today}::date
    union all select 'audit' from audit_events where at >= ${endOfToday}::timestamptz
    union all select 'payment' from payments where paid_on > ${today}::date
    union all select 'step' from approval_steps where done_on > ${today}::date or started_on > ${today}::date
    union all select 'checklist' from checklist_items where done_at >= ${endOfToday}::timestamptz
    union all select 'ballot' from ballots where cast_at >= ${endOfToday}::timestamptz
    union all select 'case' from mediation_cases where opened_on > ${today}::date`,
  );
  await none(
    t,
    "a project's dates are those of its stage changes",
    sql`
    select p.id from lift_projects p
    where p.consultation_on is distinct from (select s."on" from stage_changes s where s.project_id = p.id and s.to_stage = 'consultation')
       or p.works_started_on is distinct from (select s."on" from stage_changes s where s.project_id = p.id and s.to_stage = 'construction')
       or p.completed_on is distinct from (select s."on" from stage_changes s where s.project_id = p.id and s.to_stage = 'in_service')`,
  );
  await none(
    t,
    'approval steps are done after they started',
    sql`select id from approval_steps where done_on < started_on`,
  );

  // what is still under way is so as of today
  const open = await rows<{ closes_on: string; purpose: string }>(
    t,
    sql`select closes_on::text, purpose from consultations where status = 'open'`,
  );
  // votes and a survey still running, and the follow-ups of the newest lifts and of one older lift
  expect(open.filter((c) => c.purpose === 'willingness').length).toBe(5);
  expect(open.filter((c) => c.purpose === 'follow_up').length).toBeGreaterThan(0);
  expect(open.every((c) => c.closes_on > today)).toBe(true);
  const publicity = await rows<{ start_on: string }>(
    t,
    sql`
    select n.start_on::text from notices n join lift_projects p on p.id = n.project_id where p.stage = 'publicity' and n.kind = 'consultation_result'`,
  );
  expect(publicity.length).toBe(3);
  expect(publicity.every((n) => n.start_on <= today && n.start_on >= addDays(today, -14))).toBe(true);
}

describe('the demo street seeded late in 2026', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ histories: true });
  });
  afterAll(() => t.close());

  it('has a consistent history up to today', async () => {
    await expectConsistent(t, TEST_TODAY);
  });

  it("has the article's 17 lifts in service with their upkeep: a year of visits (a few late, one overdue today), contracts and insurance in force, one inspection due next month", async () => {
    const admin = await t.as('admin');
    const lifts = (await admin.get('/api/v1/lifts?pageSize=100')).body;
    expect(lifts.total).toBe(17);
    expect(lifts.items.every((l: any) => l.status.contract !== 'none' && l.status.contract !== 'ended')).toBe(
      true,
    );
    expect(
      lifts.items.every((l: any) => l.status.insurance !== 'none' && l.status.insurance !== 'ended'),
    ).toBe(true);
    const overdue = lifts.items.filter((l: any) => l.status.nextVisit.daysOverdue > 0);
    expect(overdue).toHaveLength(1);
    const dueSoon = lifts.items.filter((l: any) => l.status.nextInspection.state === 'due_soon');
    expect(dueSoon.map((l: any) => l.status.nextInspection.due)).toContain(addDays(TEST_TODAY, 25));
    const visits = await rows<{ late: number; total: number }>(
      t,
      sql`select count(*) filter (where gap > 15)::int as late, count(*)::int as total from (
        select "on" - lag("on") over (partition by lift_id order by "on") as gap from maintenance_visits) v`,
    );
    expect(visits[0]!.total).toBeGreaterThan(17 * 15);
    expect(visits[0]!.late).toBeGreaterThan(0);
    expect(visits[0]!.late).toBeLessThan(visits[0]!.total / 10);
    await none(t, 'no visit after today', sql`select id from maintenance_visits where "on" > ${TEST_TODAY}`);
  });

  it('gives the 17 lifts in service their follow-up survey results: after completion, some yearly, a few yearly ones due', async () => {
    const admin = await t.as('admin');
    const lifts = (await admin.get('/api/v1/lifts?pageSize=100')).body.items;
    const pages = await Promise.all(
      lifts.map(async (l: any) => (await admin.get(`/api/v1/lifts/${l.id}`)).body),
    );
    for (const page of pages) {
      const [first] = page.followUp.items.slice(-1);
      expect(first.round).toBe('completion');
      expect(first.replies).toBeGreaterThan(0);
      expect(first.satisfaction.whole).toBeGreaterThan(0);
    }
    expect(
      pages.filter((p: any) => p.followUp.items.some((f: any) => f.round === 'yearly')).length,
    ).toBeGreaterThan(3);
    // every answer counted once: the shares agree with the counts of the overall question
    for (const f of pages.flatMap((p: any) => p.followUp.items)) {
      const overall = f.questions.find((q: any) => q.id === 'overall').counts;
      expect(f.satisfaction.part).toBe(overall.satisfied + overall.mostly);
      expect(f.satisfaction.whole).toBe(overall.satisfied + overall.mostly + overall.unsatisfied);
    }
    const due = (await admin.get('/api/v1/worklist')).body.items.filter(
      (i: any) => i.kind === 'follow_up_due',
    );
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((i: any) => i.title === 'yearly' && i.date <= TEST_TODAY)).toBe(true);
    expect(pages.filter((p: any) => p.followUp.items[0].status === 'open').length).toBeGreaterThan(0);
  });

  it('marks periods that reach into 2027 (no arrangement yet) as provisional, and no other', async () => {
    const marked = await rows<{ provisional: boolean; reaches: boolean }>(
      t,
      sql`select provisional, ends_on >= '2027-01-01' as reaches from notices`,
    );
    expect(marked.length).toBeGreaterThan(30);
    expect(marked.every((n) => n.provisional === n.reaches)).toBe(true);
  });
});

describe('the demo street seeded in 2028, two years after the holiday data ends', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ histories: true, clock: clockStartingAt('2028-03-15T09:00:00+08:00') });
  });
  afterAll(() => t.close());

  it('has a consistent history up to today', async () => {
    await expectConsistent(t, '2028-03-15');
  });

  it('computes the periods of 2027 and 2028 from the statutory holidays, marked provisional', async () => {
    const recent = await rows<{ provisional: boolean }>(
      t,
      sql`select provisional from notices where start_on >= '2027-01-01'`,
    );
    expect(recent.length).toBeGreaterThan(5);
    expect(recent.every((n) => n.provisional)).toBe(true);
  });
});
