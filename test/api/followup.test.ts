/**
 * Issue 12 item 7: "Satisfaction follow-up (回访). After completion and yearly, a short survey to the
 * stairwell's households through their codes (reuse consultations of kind survey), with the results
 * on the lift's page."
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let admin: Client;
let lift: any;
let codes: any[];
let followUp: any;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!
    .n;

const EQUIPMENT = { maker: '某电梯有限公司', model: 'JW-630', stops: 6 };

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
  const project = mine.find((p: any) => p.stage === 'in_service');
  lift = (
    await staff.put(`/api/v1/projects/${project.id}/lift`, { ...EQUIPMENT, enteredUseOn: '2026-10-08' })
  ).body;
  // the households' codes they already hold: the letters of an earlier survey of the stairwell
  const survey = (
    await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'survey',
      title: '加装电梯意向征询',
      question: '请告诉我们您的想法',
    })
  ).body;
  await staff.post(`/api/v1/consultations/${survey.id}/open`);
  codes = (await staff.post(`/api/v1/consultations/${survey.id}/codes/reveal`)).body.items;
});
afterAll(() => t.close());

describe('the follow-up is due', () => {
  it('after completion: on the work list from the day the lift entered use, until one is started', async () => {
    const items = (await staff.get('/api/v1/worklist')).body.items.filter(
      (i: any) => i.kind === 'follow_up_due' && i.refId === lift.id,
    );
    expect(items.map((i: any) => [i.title, i.date])).toEqual([['completion', '2026-10-08']]);
    const page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.followUp).toEqual({
      next: { round: 'completion', dueOn: '2026-10-08', due: true },
      items: [],
    });
  });
});

describe('starting a follow-up', () => {
  it('refuses a closing date before today, naming the field in both languages, and writes nothing', async () => {
    const before = await count('consultations');
    const res = await staff.post(`/api/v1/lifts/${lift.id}/follow-ups`, { closesOn: '2026-11-19' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'closesOn' });
    expect(res.body.error.message).toContain('今天');
    expect(res.body.error.messageEn).toContain('before today');
    expect(await count('consultations')).toBe(before);
  });

  it('opens a survey (purpose follow_up) of the stairwell with the satisfaction questions, audited', async () => {
    const res = await staff.post(`/api/v1/lifts/${lift.id}/follow-ups`, {});
    expect(res.status).toBe(201);
    followUp = res.body;
    expect(followUp).toMatchObject({
      kind: 'survey',
      purpose: 'follow_up',
      status: 'open',
      title: '竣工回访',
      scopeKind: 'stairwell',
      opensOn: TEST_TODAY,
      closesOn: '2026-12-20',
    });
    expect(followUp.questions.map((q: any) => q.id)).toEqual([
      'running',
      'maintenance',
      'upkeep',
      'overall',
      'comment',
    ]);
    const audit = await t.database.db
      .select({ action: auditEvents.action, entity: auditEvents.entity, summary: auditEvents.summary })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.projectId, lift.projectId),
          sql`${auditEvents.action} in ('follow_up_start', 'create', 'open')`,
        ),
      );
    expect(audit.filter((a) => a.entity === 'consultation' && a.action !== 'create').length).toBe(2);
    expect(audit.find((a) => a.action === 'follow_up_start')).toMatchObject({
      entity: 'lift',
      summary: expect.stringContaining('竣工回访'),
    });
    // listed with the project's consultations, marked as a follow-up
    const listed = (await staff.get(`/api/v1/projects/${lift.projectId}/consultations`)).body.items;
    expect(listed.find((c: any) => c.id === followUp.id).purpose).toBe('follow_up');
    expect(listed.filter((c: any) => c.purpose === 'willingness')).toHaveLength(1);
  });

  it('one at a time: a second while the first is open is refused', async () => {
    const res = await staff.post(`/api/v1/lifts/${lift.id}/follow-ups`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.messageEn).toContain('still open');
  });

  it('takes it off the work list', async () => {
    const items = (await staff.get('/api/v1/worklist')).body.items;
    expect(items.some((i: any) => i.kind === 'follow_up_due' && i.refId === lift.id)).toBe(false);
  });

  it('only at acceptance or in service: refused at construction with a bilingual message, nothing written', async () => {
    const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
    const building = mine.find((p: any) => p.stage === 'construction');
    const early = (await staff.put(`/api/v1/projects/${building.id}/lift`, EQUIPMENT)).body;
    const before = [await count('consultations'), await count('audit_events')];
    const res = await staff.post(`/api/v1/lifts/${early.id}/follow-ups`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('wrong_stage');
    expect(res.body.error.message).toBe('项目在“施工”阶段，回访只能在验收或运维阶段发起');
    expect(res.body.error.messageEn).toBe(
      'The project is at “Construction”; a follow-up can be started at acceptance or in service only',
    );
    expect([await count('consultations'), await count('audit_events')]).toEqual(before);
  });

  it("is for the committee's own lifts: another committee's lift is not found, and nothing is written", async () => {
    const all = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
    const mine = (await staff.get('/api/v1/projects?pageSize=100')).body.items;
    const theirs = all.find((p: any) => p.stage === 'in_service' && !mine.some((m: any) => m.id === p.id));
    const other = (
      await admin.put(`/api/v1/projects/${theirs.id}/lift`, { ...EQUIPMENT, enteredUseOn: '2026-09-01' })
    ).body;
    const before = [await count('consultations'), await count('audit_events')];
    expect((await staff.get(`/api/v1/lifts/${other.id}`)).status).toBe(404);
    const res = await staff.post(`/api/v1/lifts/${other.id}/follow-ups`, {});
    expect(res.status).toBe(404);
    expect([await count('consultations'), await count('audit_events')]).toEqual(before);
    // and the adviser, who may record upkeep, does not start a consultation of the households
    const adviser = await t.as('jjl');
    const asAdviser = await adviser.post(`/api/v1/lifts/${other.id}/follow-ups`, {});
    expect([403, 404]).toContain(asAdviser.status);
    expect(await count('consultations')).toBe(before[0]);
  });
});

describe('households answer with the codes they hold', () => {
  it('the household page shows the open follow-up, not yet answered', async () => {
    const res = await t.anonymous.get(`/api/v1/r/${codes[0].code}/follow-up`);
    expect(res.status).toBe(200);
    expect(res.body.followUp).toMatchObject({ title: '竣工回访', closesOn: '2026-12-20', ballot: null });
    expect(res.body.followUp.questions).toHaveLength(5);
  });

  it('refuses an answer outside the options, naming the question, and writes nothing', async () => {
    const before = await count('ballots');
    const res = await t.anonymous.post(`/api/v1/r/${codes[0].code}/follow-up`, {
      answers: { overall: 'great' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('answers.overall');
    expect(res.body.error.messageEn).toContain('not one of the options');
    expect(await count('ballots')).toBe(before);
  });

  it('records answers on the follow-up’s ledger (changeable until it closes), audited as ballots', async () => {
    const answer = (i: number, overall: string, more: object = {}) =>
      t.anonymous.post(`/api/v1/r/${codes[i].code}/follow-up`, { answers: { overall, ...more } });
    const first = await answer(0, 'satisfied', { running: 'good' });
    expect(first.status).toBe(200);
    expect(first.body.changed).toBe(false);
    expect((await answer(1, 'satisfied', { running: 'good', comment: '上下楼方便多了' })).status).toBe(200);
    expect((await answer(2, 'mostly', { maintenance: 'none' })).status).toBe(200);
    // the first household thinks again
    const changed = await answer(0, 'unsatisfied', { running: 'fair' });
    expect(changed.body.changed).toBe(true);
    const shown = (await t.anonymous.get(`/api/v1/r/${codes[0].code}/follow-up`)).body.followUp.ballot;
    expect(shown).toMatchObject({
      answers: { overall: 'unsatisfied', running: 'fair' },
      receipt: changed.body.receipt,
    });
    const ledger = (await staff.get(`/api/v1/consultations/${followUp.id}/ledger/verify`)).body;
    expect(ledger).toMatchObject({ ok: true, events: 5 });
    const audit = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, followUp.id));
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['ballot_cast', 'ballot_cast', 'ballot_cast', 'ballot_changed', 'create', 'open'].sort(),
    );
  });

  it('a wrong code is refused as on the vote page', async () => {
    const res = await t.anonymous.post('/api/v1/r/ABCD-EFGH-JKLM/follow-up', {
      answers: { overall: 'mostly' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('wrong_code');
  });
});

describe("the lift's page", () => {
  it('shows each follow-up with its response rate and results, the satisfaction share exact', async () => {
    const page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.followUp.next).toEqual({ round: 'yearly', dueOn: '2027-11-20', due: false });
    const [f] = page.followUp.items;
    expect(f).toMatchObject({
      id: followUp.id,
      round: 'completion',
      status: 'open',
      households: codes.length,
      replies: 3,
      responseRate: { part: 3, whole: codes.length },
      // satisfied + mostly satisfied of those answering the overall question: 2 of 3 → 66.7%
      satisfaction: { part: 2, whole: 3, percentTenths: 667 },
    });
    expect(f.responseRate.percentTenths).toBe(Math.floor((3 * 2000 + codes.length) / (2 * codes.length)));
    const overall = f.questions.find((q: any) => q.id === 'overall');
    expect(overall.counts).toEqual({ satisfied: 1, mostly: 1, unsatisfied: 1 });
    expect(f.questions.find((q: any) => q.id === 'comment').texts).toEqual(['上下楼方便多了']);
  });

  it('lists the most recent first once a yearly one follows', async () => {
    expect((await staff.post(`/api/v1/consultations/${followUp.id}/close`)).status).toBe(200);
    const yearly = await staff.post(`/api/v1/lifts/${lift.id}/follow-ups`, { title: '2026年年度回访' });
    expect(yearly.status).toBe(201);
    const page = (await staff.get(`/api/v1/lifts/${lift.id}`)).body;
    expect(page.followUp.items.map((f: any) => [f.title, f.round, f.status])).toEqual([
      ['2026年年度回访', 'yearly', 'open'],
      ['竣工回访', 'completion', 'closed'],
    ]);
    // the household page now shows the yearly one, unanswered
    const res = await t.anonymous.get(`/api/v1/r/${codes[0].code}/follow-up`);
    expect(res.body.followUp).toMatchObject({ title: '2026年年度回访', ballot: null });
  });
});
