/** Consultation and consent (issue 3): a whole vote from draft to certificate, and its ledger. */
import { count, eq, sql } from 'drizzle-orm';
import { appendLedger } from '../../src/server/modules/consent/ledger.ts';
import type { OnlineReceipt } from '../../src/server/modules/consent/contract.ts';
import { castOnline } from '../../src/server/modules/household/online-ballots.ts';
import { ballots } from '../../src/server/modules/consent/schema.ts';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp, STAFF_PASSWORD } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';

let t: TestApp;
let staff: Client;
let staff2: Client;
let admin: Client;
let project: any;

async function docxText(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin');
  staff = await t.as('shengli');
  staff2 = await t.as('shengli2', STAFF_PASSWORD).catch(async () => {
    const committeeId = (await staff.get('/api/v1/committees')).body.items[0].id;
    await admin.post('/api/v1/users', {
      username: 'shengli2',
      displayName: '胜利居委 核对员',
      password: STAFF_PASSWORD,
      mustChangePassword: false,
      role: 'committee_staff',
      scopeId: committeeId,
    });
    return t.as('shengli2', STAFF_PASSWORD);
  });
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 10,
  );
  project = (await staff.post('/api/v1/projects', { name: '表决测试项目', stairwellId: stairwell.id })).body;
});
afterAll(() => t.close());

describe('a formal vote under sh-801-building', () => {
  let vote: any;
  let codes: any[];
  let tally: any;

  it('is drafted, then opened with the electorate frozen and one code per owner group', async () => {
    const created = await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'vote',
      title: '加装电梯表决',
      question: '您是否同意本单元加装电梯？',
      documentsSummary: '设计方案、费用分摊方案',
      ruleId: 'sh-801-building',
      opensOn: '2026-11-01',
      closesOn: '2026-11-30',
      doubleEntry: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.rule.id).toBe('sh-801-building');
    vote = created.body;
    const opened = await staff.post(`/api/v1/consultations/${vote.id}/open`);
    expect(opened.body.status).toBe('open');
    codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;
    tally = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    expect(codes).toHaveLength(tally.groups.length);
    for (const c of codes)
      expect(c.code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    expect(tally.counts.totalHeads).toBe(tally.groups.length);
    expect(tally.outcome).toEqual({ participationMet: false, approvalMet: false, passed: false });
    expect(tally.needed.count).toBeGreaterThan(0);
    // the draft is no longer editable
    expect((await staff.patch(`/api/v1/consultations/${vote.id}`, { title: 'x' })).status).toBe(409);
  });

  it('keeps the frozen electorate when the registry changes afterwards', async () => {
    const unit = tally.units[0];
    await staff.patch(`/api/v1/units/${unit.unitId}`, { areaM2: '999.99' });
    const after = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    expect(after.counts.totalArea).toBe(tally.counts.totalArea);
    expect(after.units[0].areaM2).toBe(unit.areaM2);
    // a unit in a frozen electorate cannot be deleted: a clear 409, not a 500
    const del = await staff.delete(`/api/v1/units/${unit.unitId}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('in_use');
  });

  it('prints letters as Word holding every code', async () => {
    const res = await staff.post(`/api/v1/consultations/${vote.id}/letters.docx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const text = await docxText(res.raw);
    for (const c of codes) expect(text).toContain(c.code);
    expect(text).toContain('您是否同意本单元加装电梯？');
    // the codes come out by an audited POST only: no GET a link or a prefetch could make
    expect((await staff.get(`/api/v1/consultations/${vote.id}/letters.docx`)).status).toBe(404);
  });

  it('lets a resident vote with the code and change the vote, with a ledger receipt', async () => {
    const code = codes[0].code.toLowerCase().replace(/-/g, ' '); // typed loosely
    const view = await t.anonymous.get(`/api/v1/r/${encodeURIComponent(code)}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      state: 'open',
      consultation: { question: '您是否同意本单元加装电梯？' },
      ballot: null,
    });
    const cast = await t.anonymous.post(`/api/v1/r/${encodeURIComponent(code)}/ballot`, {
      choice: 'disagree',
    });
    expect(cast.status).toBe(200);
    expect(cast.body.receipt).toMatch(/^[0-9a-f]{64}$/);
    const changed = await t.anonymous.post(`/api/v1/r/${codes[0].code}/ballot`, { choice: 'agree' });
    expect(changed.body.changed).toBe(true);
    expect((await t.anonymous.get(`/api/v1/r/${codes[0].code}`)).body.ballot).toMatchObject({
      choice: 'agree',
      receipt: changed.body.receipt,
    });
    // a staff member logged in on the same browser (helping an owner on the office computer) is no obstacle: the household pages use no session
    const helped = await staff.withWrongCsrf().post(`/api/v1/r/${codes[0].code}/ballot`, { choice: 'agree' });
    expect(helped.status).toBe(200);
    const bad = await t.anonymous.post(`/api/v1/r/${codes[0].code}/ballot`, { choice: 'maybe' });
    expect(bad.body.error.field).toBe('choice');
  });

  it('says a wrong code is wrong, revealing nothing', async () => {
    const res = await t.anonymous.get('/api/v1/r/ABCD-EFGH-JKMN');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'wrong_code', field: 'code' });
    expect(JSON.stringify(res.body)).not.toMatch(/consultation|project/i);
  });

  it('ends concurrent ballots for one code with exactly one counted ballot and every event in the ledger', async () => {
    const code = codes[1].code;
    const choices = [
      'agree',
      'disagree',
      'abstain',
      'agree',
      'disagree',
      'agree',
      'abstain',
      'agree',
    ] as const;
    const before = (await staff.get(`/api/v1/consultations/${vote.id}/ledger/verify`)).body.events;
    const results = await Promise.all(
      choices.map((choice) => t.anonymous.post(`/api/v1/r/${code}/ballot`, { choice })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const seqs = results.map((r) => r.body.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(choices.map((_, i) => before + 1 + i));
    const verify = (await staff.get(`/api/v1/consultations/${vote.id}/ledger/verify`)).body;
    expect(verify).toMatchObject({ ok: true, events: before + choices.length });
    const [counted] = await t.database.db
      .select({ n: count() })
      .from(ballots)
      .where(eq(ballots.groupId, codes[1].groupId));
    expect(counted!.n).toBe(1);
    const last = results.find((r) => r.body.seq === seqs[seqs.length - 1])!;
    expect((await t.anonymous.get(`/api/v1/r/${code}`)).body.ballot.receipt).toBe(last.body.receipt);
  });

  it('records a paper ballot with its scan, counting only after a second staff member confirms it', async () => {
    const groupId = codes[2].groupId;
    const noScan = await staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${vote.id}/ballots`,
      ...multipart({ groupId, channel: 'paper', choice: 'agree' }),
    });
    expect(noScan.body.error.field).toBe('file');
    const notPdf = await staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${vote.id}/ballots`,
      ...multipart(
        { groupId, channel: 'paper', choice: 'agree' },
        { name: 'x.pdf', content: Buffer.from('hello'), type: 'application/pdf' },
      ),
    });
    expect(notPdf.status).toBe(400);
    expect(notPdf.body.error.message).toContain('PDF');
    const paper = await staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${vote.id}/ballots`,
      ...multipart(
        { groupId, channel: 'paper', choice: 'agree' },
        { name: 'ballot.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    expect(paper.status).toBe(201);
    expect(paper.body.confirmed).toBe(false);
    let g = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body.groups.find(
      (x: any) => x.id === groupId,
    );
    expect(g).toMatchObject({ pending: true, ballot: null });
    expect(
      (await staff.post(`/api/v1/consultations/${vote.id}/ballots/${groupId}/confirm`, { choice: 'agree' }))
        .status,
    ).toBe(409); // same person
    expect(
      (
        await staff2.post(`/api/v1/consultations/${vote.id}/ballots/${groupId}/confirm`, {
          choice: 'disagree',
        })
      ).body.error.field,
    ).toBe('choice');
    expect(
      (await staff2.post(`/api/v1/consultations/${vote.id}/ballots/${groupId}/confirm`, { choice: 'agree' }))
        .status,
    ).toBe(200);
    g = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body.groups.find(
      (x: any) => x.id === groupId,
    );
    expect(g).toMatchObject({ pending: false, ballot: 'agree', channel: 'paper' });
  });

  it('records assisted and proxy ballots only with a witness or a proxy', async () => {
    const groupId = codes[3].groupId;
    const scan = { name: 'form.pdf', content: PDF, type: 'application/pdf' };
    const noWitness = await staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${vote.id}/ballots`,
      ...multipart({ groupId, channel: 'assisted', choice: 'agree' }, scan),
    });
    expect(noWitness.body.error.field).toBe('witness');
    const assisted = await staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${vote.id}/ballots`,
      ...multipart({ groupId, channel: 'assisted', choice: 'agree', witness: '楼组长 王阿姨' }, scan),
    });
    expect(assisted.status).toBe(201);
    expect(assisted.body.confirmed).toBe(true); // only paper ballots wait for double entry
    const proxy = await staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${vote.id}/ballots`,
      ...multipart({ groupId: codes[4].groupId, channel: 'proxy', choice: 'abstain' }, scan),
    });
    expect(proxy.body.error.field).toBe('proxyName');
  });

  it('revokes a lost letter and issues a new code', async () => {
    const lost = codes[5];
    const res = await staff.post(`/api/v1/consultations/${vote.id}/codes/${lost.groupId}/reissue`, {
      reason: '信件遗失',
    });
    expect(res.status).toBe(200);
    expect(res.body.code).not.toBe(lost.code);
    const old = await t.anonymous.get(`/api/v1/r/${lost.code}`);
    expect(old.body.state).toBe('revoked');
    expect(old.body.explanation.zh).toContain('作废');
    expect((await t.anonymous.post(`/api/v1/r/${lost.code}/ballot`, { choice: 'agree' })).status).toBe(410);
    expect((await t.anonymous.post(`/api/v1/r/${res.body.code}/ballot`, { choice: 'agree' })).status).toBe(
      200,
    );
    const audit = (await admin.get(`/api/v1/audit?action=reissue_code&entityId=${vote.id}`)).body;
    expect(audit.total).toBe(1);
  });

  it('tells exactly how many more must agree, and passes when they do', async () => {
    let now = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    const needed = now.needed.count;
    expect(needed).toBeGreaterThan(0);
    const areas = now.needed.candidates.map((c: any) => Number(c.areaM2));
    expect([...areas].sort((a, b) => b - a)).toEqual(areas); // largest first
    const codeOf = new Map(
      ((await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items as any[]).map((c) => [
        c.groupId,
        c.code,
      ]),
    );
    for (const cand of now.needed.candidates.slice(0, needed - 1))
      await t.anonymous.post(`/api/v1/r/${codeOf.get(cand.id)}/ballot`, { choice: 'agree' });
    now = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    expect(now.outcome.passed).toBe(false);
    expect(now.needed.count).toBe(1);
    await t.anonymous.post(`/api/v1/r/${codeOf.get(now.needed.candidates[0].id)}/ballot`, {
      choice: 'agree',
    });
    now = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    expect(now.outcome.passed).toBe(true);
    expect(now.needed.count).toBe(0);
    expect(now.units.filter((u: any) => u.ballot === 'agree').length).toBeGreaterThan(0);
  });

  it('closes with a certificate (Word and data) and refuses later ballots', async () => {
    const closed = await staff.post(`/api/v1/consultations/${vote.id}/close`);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.result.outcome.passed).toBe(true);
    expect((await t.anonymous.post(`/api/v1/r/${codes[0].code}/ballot`, { choice: 'disagree' })).status).toBe(
      409,
    );
    expect((await t.anonymous.get(`/api/v1/r/${codes[0].code}`)).body.state).toBe('closed');
    const cert = (await staff.get(`/api/v1/consultations/${vote.id}/certificate`)).body;
    expect(cert.ledger.ok).toBe(true);
    expect(cert.ledger.headHash).toBe(closed.body.result.ledgerHeadHash);
    expect(
      cert.ballots.every((b: any) => b.owners.every((o: string) => o.includes('*') || [...o].length === 1)),
    ).toBe(true);
    const docx = await staff.get(`/api/v1/consultations/${vote.id}/certificate.docx`);
    const text = await docxText(docx.raw);
    expect(text).toContain('结果：通过');
    expect(text).toContain(cert.ledger.headHash);
    expect(text).toContain('沪建房管联〔2020〕801号');
  });

  it('detects a ledger row altered in the database and names it', async () => {
    await t.database.db.execute(
      sql`update ledger_events set payload = jsonb_set(payload, '{choice}', '"disagree"') where consultation_id = ${vote.id} and seq = 3`,
    );
    const verdict = (await staff.get(`/api/v1/consultations/${vote.id}/ledger/verify`)).body;
    expect(verdict).toMatchObject({ ok: false, firstBad: { seq: 3, reason: 'hash_mismatch' } });
  });
});

describe('a burst of online ballots (written in batches)', () => {
  it('answers each ballot on its own, counts every household once, and keeps both chains whole beside a staff entry', async () => {
    // two votes on two other stairwells, open at once
    const stairwells = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.filter(
      (s: any) => s.unitCount >= 10 && s.id !== project.stairwellId,
    );
    const votes = [];
    for (const sw of stairwells.slice(0, 2)) {
      const p = (
        await staff.post('/api/v1/projects', { name: `并发测试 ${sw.id.slice(0, 4)}`, stairwellId: sw.id })
      ).body;
      const v = (
        await staff.post('/api/v1/consultations', {
          projectId: p.id,
          kind: 'vote',
          title: '表决',
          question: '同意加装吗？',
          ruleId: 'sh-801-building',
        })
      ).body;
      await staff.post(`/api/v1/consultations/${v.id}/open`);
      votes.push({
        ...v,
        codes: (await staff.post(`/api/v1/consultations/${v.id}/codes/reveal`)).body.items as any[],
      });
    }
    const [a, b] = votes as [any, any];
    const requests = [
      ...a.codes.map((c: any) => ({ code: c.code, choice: 'agree' })),
      ...b.codes.map((c: any) => ({ code: c.code, choice: 'disagree' })),
      { code: a.codes[0].code, choice: 'abstain' }, // the same household again: a change of vote
      { code: 'ABCD-EFGH-JKMN', choice: 'agree' }, // a wrong code
      { code: b.codes[1].code, choice: 'maybe' }, // a bad choice
    ];
    // a staff (assisted) ballot for a household of vote a lands in the middle of the burst
    const staffEntry = staff.inject({
      method: 'POST',
      url: `/api/v1/consultations/${a.id}/ballots`,
      ...multipart(
        { groupId: a.codes[1].groupId, channel: 'assisted', choice: 'disagree', witness: '楼组长' },
        { name: 'form.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    const [results, staffResult] = await Promise.all([
      Promise.all(requests.map((r) => t.anonymous.post(`/api/v1/r/${r.code}/ballot`, { choice: r.choice }))),
      staffEntry,
    ]);
    expect(staffResult.status).toBe(201);
    const n = a.codes.length + b.codes.length;
    expect(results.slice(0, n + 1).map((r) => r.status)).toEqual(Array(n + 1).fill(200));
    expect(results[n + 1]!.body.error).toMatchObject({ code: 'wrong_code', field: 'code' });
    expect(results[n + 2]!.status).toBe(400);
    // every receipt is a distinct ledger event
    expect(new Set(results.slice(0, n + 1).map((r) => r.body.receipt)).size).toBe(n + 1);
    for (const v of [a, b]) {
      const verdict = (await staff.get(`/api/v1/consultations/${v.id}/ledger/verify`)).body;
      const ballotsOfVote = v === a ? a.codes.length + 2 : b.codes.length; // + the change and the staff entry
      expect(verdict).toMatchObject({ ok: true, events: 1 + ballotsOfVote }); // + the opening event
      const [counted] = await t.database.db
        .select({ n: count() })
        .from(ballots)
        .where(eq(ballots.consultationId, v.id));
      expect(counted!.n).toBe(v.codes.length);
    }
    // the household that changed its vote holds the later of its two receipts
    const first = results[0]!.body;
    const changed = results[n]!.body;
    const view = (await t.anonymous.get(`/api/v1/r/${a.codes[0].code}`)).body.ballot;
    expect(changed.changed).toBe(true);
    expect(changed.seq).toBeGreaterThan(first.seq);
    expect(view).toMatchObject({ choice: 'abstain', receipt: changed.receipt });
  });

  it('reads again and appends after a chain position that another writer took meanwhile', async () => {
    const sw = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.filter(
      (s: any) => s.unitCount >= 10,
    )[3];
    const p = (await staff.post('/api/v1/projects', { name: '抢位测试', stairwellId: sw.id })).body;
    const v = (
      await staff.post('/api/v1/consultations', {
        projectId: p.id,
        kind: 'vote',
        title: '表决',
        question: '同意吗？',
        ruleId: 'sh-801-building',
      })
    ).body;
    await staff.post(`/api/v1/consultations/${v.id}/open`);
    const code = (await staff.post(`/api/v1/consultations/${v.id}/codes/reveal`)).body.items[0].code;
    const head = (await staff.get(`/api/v1/consultations/${v.id}/ledger/verify`)).body.events;
    let online: Promise<OnlineReceipt> | undefined;
    // a writer (as a staff entry would) takes the next position and commits only after the ballot was planned on the old head
    await t.database.db.transaction(async (tx) => {
      await appendLedger(tx, v.id, 'staff_entry', { note: 'a concurrent writer' }, t.clock.now());
      online = castOnline(
        t.database.db,
        t.codeKeys.present(code),
        { ip: 'test', now: t.clock.now() },
        { choice: 'agree' },
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect((await online!).seq).toBe(head + 2);
    expect((await staff.get(`/api/v1/consultations/${v.id}/ledger/verify`)).body).toMatchObject({
      ok: true,
      events: head + 2,
    });
  });
});

describe('a willingness survey', () => {
  it('collects answers and counts them per option', async () => {
    const survey = (
      await staff.post('/api/v1/consultations', {
        projectId: project.id,
        kind: 'survey',
        title: '加装电梯意向征询',
        question: '请告诉我们您的想法',
      })
    ).body;
    expect(survey.questions.map((q: any) => q.id)).toEqual(['willing', 'pay', 'concerns', 'comment']);
    await staff.post(`/api/v1/consultations/${survey.id}/open`);
    const codes = (await staff.post(`/api/v1/consultations/${survey.id}/codes/reveal`)).body.items;
    await t.anonymous.post(`/api/v1/r/${codes[0].code}/ballot`, {
      answers: { willing: 'yes', pay: 'depends', concerns: ['cost', 'noise'], comment: '希望早日装好' },
    });
    await t.anonymous.post(`/api/v1/r/${codes[1].code}/ballot`, {
      answers: { willing: 'no', concerns: ['light'] },
    });
    const bad = await t.anonymous.post(`/api/v1/r/${codes[2].code}/ballot`, {
      answers: { willing: 'perhaps' },
    });
    expect(bad.body.error.field).toBe('answers.willing');
    const results = (await staff.get(`/api/v1/consultations/${survey.id}/survey-results`)).body;
    expect(results.replies).toBe(2);
    expect(results.questions[0].counts).toEqual({ yes: 1, no: 1, unsure: 0 });
    expect(results.questions[2].counts).toMatchObject({ cost: 1, noise: 1, light: 1 });
    expect(results.questions[3].texts).toEqual(['希望早日装好']);
  });
});

describe('scope', () => {
  it("keeps other committees' staff out of a consultation", async () => {
    const vote = (await staff.get(`/api/v1/projects/${project.id}/consultations`)).body.items[0];
    const other = await t.as('district');
    expect((await other.get(`/api/v1/consultations/${vote.id}/tally`)).status).toBe(200); // district reads
    expect((await other.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).status).toBe(403); // but sees no codes
    const adviser = await t.as('jjl');
    expect((await adviser.get(`/api/v1/consultations/${vote.id}`)).status).toBe(404); // not assigned
  });
});
