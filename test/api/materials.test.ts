/**
 * Issue 11 item 2: the plan before the vote. The vote page links the consultation's documents
 * (the scheme drawing, the cost plan, the policy) and "what my household would pay" under the
 * plan being voted on, with the same figures as the owner's cost page (item 1).
 *
 * 《上海市既有多层住宅增设电梯指导意见》 (domain.md §1): owners decide on "the scheme, the
 * sharing of the cost" — so what they read and the figures they would pay are fixed when the
 * vote opens: materials are chosen while a draft, each pinned at its version.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';

const PNG = readFileSync(new URL('../../src/server/demo/assets/scheme-drawing.png', import.meta.url));
const PNG_V2 = Buffer.concat([PNG, Buffer.from('second version')]);
const DOCX = Buffer.from('PK\x03\x04 not really a word file, but a ZIP by its first bytes');

let t: TestApp;
let staff: Client;
let other: Client;
let project: { id: string; stairwellId: string };
let otherProject: { id: string };
let units: { id: string; floor: number }[];
let vote: { id: string };
const doc: Record<'drawing' | 'policy' | 'word' | 'elsewhere', string> = {} as never;

const upload = async (c: Client, projectId: string, title: string, name: string, content: Buffer) => {
  const res = await c.inject({
    method: 'POST',
    url: `/api/v1/projects/${projectId}/documents`,
    ...multipart({ title, category: 'design' }, { name, content, type: 'application/octet-stream' }),
  });
  expect(res.status, title).toBe(201);
  return res.body.documentId as string;
};
const newVote = async (projectId: string) =>
  (
    await staff.post('/api/v1/consultations', {
      projectId,
      kind: 'vote',
      title: '加装电梯业主表决',
      question: '同意吗？',
      documentsSummary: '设计方案示意图、补贴政策说明',
      ruleId: 'sh-801-building',
    })
  ).body as { id: string };
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(query));

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  const admin = await t.as('admin');
  const committees = (await admin.get('/api/v1/committees')).body.items as { id: string; name: string }[];
  const otherCommittee = committees.find((c) => c.name !== '胜利居委')!;
  await t.database.db
    .execute(sql`insert into users (username, display_name, password_hash, role, committee_id)
    select 'otherstaff', '另一居委 工作人员', password_hash, 'committee_staff', ${otherCommittee.id} from users where username = 'shengli'`);
  other = await t.as('otherstaff');
  const stairwells = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items as {
    id: string;
    unitCount: number;
    floors: number;
  }[];
  const [sw, sw2] = stairwells.filter((s) => s.unitCount === 2 * s.floors);
  project = (await staff.post('/api/v1/projects', { name: '先读材料项目', stairwellId: sw!.id })).body;
  otherProject = (await staff.post('/api/v1/projects', { name: '另一个项目', stairwellId: sw2!.id })).body;
  units = (await staff.get(`/api/v1/stairwells/${sw!.id}`)).body.units;
  doc.drawing = await upload(staff, project.id, '设计方案示意图', 'scheme.png', PNG);
  doc.policy = await upload(staff, project.id, '补贴政策说明', 'policy.pdf', PDF);
  doc.word = await upload(staff, project.id, '分摊方案（Word）', 'plan.docx', DOCX);
  doc.elsewhere = await upload(staff, otherProject.id, '别的项目的图', 'other.png', PNG);
  vote = await newVote(project.id);
});
afterAll(() => t.close());

describe('what the owners read first (staff)', () => {
  it('puts documents of the project before the owners, in order, pinned at their version, audited', async () => {
    const res = await staff.put(`/api/v1/consultations/${vote.id}/materials`, {
      documentIds: [doc.drawing, doc.policy],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: any) => [m.title, m.mime, m.version])).toEqual([
      ['设计方案示意图', 'image/png', 1],
      ['补贴政策说明', 'application/pdf', 1],
    ]);
    expect((await staff.get(`/api/v1/consultations/${vote.id}/materials`)).body).toEqual(res.body);
    const audit = await rows<{ after: any }>(
      sql`select after from audit_events where action = 'set_materials' and entity_id = ${vote.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.materials).toEqual([
      { documentId: doc.drawing, version: 1 },
      { documentId: doc.policy, version: 1 },
    ]);
  });

  it('refuses, naming the entry, a Word file, another project’s document, a repeat — and keeps what was chosen', async () => {
    const cases: [string[], string, RegExp][] = [
      [[doc.policy, doc.word], 'documentIds.1', /手机打不开/],
      [[doc.elsewhere], 'documentIds.0', /不在本项目/],
      [[doc.policy, doc.policy], 'documentIds', /两次/],
      [['not-a-uuid'], 'documentIds.0', /./],
    ];
    for (const [documentIds, field, zh] of cases) {
      const res = await staff.put(`/api/v1/consultations/${vote.id}/materials`, { documentIds });
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, JSON.stringify(documentIds)).toBe(field);
      expect(res.body.error.message).toMatch(zh);
      expect(res.body.error.messageEn).toMatch(/[a-z]/);
    }
    const kept = (await staff.get(`/api/v1/consultations/${vote.id}/materials`)).body.items;
    expect(kept.map((m: any) => m.documentId)).toEqual([doc.drawing, doc.policy]);
  });

  it('is out of reach of another committee’s staff', async () => {
    expect((await other.get(`/api/v1/consultations/${vote.id}/materials`)).status).toBe(404);
    expect((await other.put(`/api/v1/consultations/${vote.id}/materials`, { documentIds: [] })).status).toBe(
      404,
    );
  });
});

describe('the plan put to the vote', () => {
  let planA: string;
  let planB: string;
  const floors = () => Math.max(...units.map((u) => u.floor));
  const plan = (name: string, constructionFen: number) => ({
    name,
    constructionFen,
    otherCosts: [{ label: '管线迁移', fen: 5_000_000 }],
    subsidy: { ruleId: 'sh-2020' },
    compensations: units.filter((u) => u.floor === 1).map((u) => ({ unitId: u.id, fen: 500_000 })),
    scheme: {
      kind: 'floor-coefficient-area',
      coefficients: Object.fromEntries(
        Array.from({ length: floors() }, (_, i) => [String(i + 1), i < 2 ? '0' : '1.0']),
      ),
    },
  });

  beforeAll(async () => {
    planA = (await staff.post(`/api/v1/projects/${project.id}/cost-plans`, plan('方案甲', 64_000_000))).body
      .plan.id;
    planB = (await staff.post(`/api/v1/projects/${project.id}/cost-plans`, plan('方案乙', 70_000_000))).body
      .plan.id;
  });

  it('is one plan per vote: putting another withdraws the first; audited', async () => {
    expect((await staff.put(`/api/v1/cost-plans/${planA}/vote`, { consultationId: vote.id })).status).toBe(
      200,
    );
    const res = await staff.put(`/api/v1/cost-plans/${planB}/vote`, { consultationId: vote.id });
    expect(res.status).toBe(200);
    expect(res.body.plan.consultationId).toBe(vote.id);
    const list = (await staff.get(`/api/v1/projects/${project.id}/cost-plans`)).body.items;
    expect(list.filter((p: any) => p.consultationId === vote.id).map((p: any) => p.name)).toEqual(['方案乙']);
    expect(
      await rows(
        sql`select 1 from audit_events where action = 'put_to_vote' and entity_id in (${planA}, ${planB})`,
      ),
    ).toHaveLength(2);
  });

  it('refuses a consultation of another project, and another committee', async () => {
    const elsewhere = await newVote(otherProject.id);
    const res = await staff.put(`/api/v1/cost-plans/${planA}/vote`, { consultationId: elsewhere.id });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('consultationId');
    expect((await other.put(`/api/v1/cost-plans/${planA}/vote`, { consultationId: vote.id })).status).toBe(
      404,
    );
  });

  it('of two plans put to one vote at once, leaves exactly one (the project row lock; PostgreSQL in CI)', async () => {
    const both = await Promise.all([
      staff.put(`/api/v1/cost-plans/${planA}/vote`, { consultationId: vote.id }),
      staff.put(`/api/v1/cost-plans/${planB}/vote`, { consultationId: vote.id }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const linked = await rows(sql`select id from cost_plans where consultation_id = ${vote.id}`);
    expect(linked).toHaveLength(1);
  });
});

describe('the household’s page before voting', () => {
  let code: string;
  let mineUnit: string;

  beforeAll(async () => {
    expect(
      (await staff.put(`/api/v1/cost-plans/${await planOf('方案乙')}/vote`, { consultationId: vote.id }))
        .status,
    ).toBe(200);
    expect((await staff.post(`/api/v1/consultations/${vote.id}/open`)).status).toBe(200);
    const codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;
    const tally = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    const top = Math.max(...units.map((u) => u.floor));
    const topIds = new Set(units.filter((u) => u.floor === top).map((u) => u.id));
    const mine = tally.units.find((u: any) => topIds.has(u.unitId));
    mineUnit = mine.unitId;
    code = codes.find((c: any) => c.groupId === mine.groupId).code;
  });
  const planOf = async (name: string) =>
    (await staff.get(`/api/v1/projects/${project.id}/cost-plans`)).body.items.find(
      (p: any) => p.name === name,
    ).id;

  it('lists the materials, and each opens from the code as the file put before the owners', async () => {
    const view = (await t.anonymous.get(`/api/v1/r/${code}`)).body;
    expect(view.consultation.materials.map((m: any) => m.title)).toEqual(['设计方案示意图', '补贴政策说明']);
    const png = await t.anonymous.get(`/api/v1/r/${code}/materials/${doc.drawing}`);
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(String(png.headers['content-disposition'])).toMatch(/^inline/);
    expect(png.raw.equals(PNG)).toBe(true);
    const pdf = await t.anonymous.get(`/api/v1/r/${code}/materials/${doc.policy}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.equals(PDF)).toBe(true);
  });

  it('keeps showing the version put before the owners after the library’s file is replaced', async () => {
    const replaced = await staff.inject({
      method: 'POST',
      url: `/api/v1/documents/${doc.drawing}/versions`,
      ...multipart({}, { name: 'scheme-v2.png', content: PNG_V2, type: 'image/png' }),
    });
    expect(replaced.status).toBe(201);
    const png = await t.anonymous.get(`/api/v1/r/${code}/materials/${doc.drawing}`);
    expect(png.raw.equals(PNG)).toBe(true);
  });

  it('opens nothing that was not put before this vote, and says so in both languages', async () => {
    for (const [path, status] of [
      [`/api/v1/r/${code}/materials/${doc.word}`, 404],
      [`/api/v1/r/${code}/materials/${doc.elsewhere}`, 404],
      [`/api/v1/r/${code}/materials/not-a-uuid`, 400],
      [`/api/v1/r/ABCD-EFGH-JKMN/materials/${doc.drawing}`, 404],
    ] as const) {
      const res = await t.anonymous.get(path);
      expect(res.status, path).toBe(status);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error.messageEn).toMatch(/[a-z]/);
    }
  });

  it('can no longer change once the vote is open', async () => {
    const res = await staff.put(`/api/v1/consultations/${vote.id}/materials`, { documentIds: [] });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/不能再改/);
  });

  it('shows what the household would pay under the plan voted on: the staff plan’s figures, adding up, not to sign', async () => {
    const share = await t.anonymous.get(`/api/v1/r/${code}/cost-share`);
    expect(share.status).toBe(200);
    expect(share.body.plan.name).toBe('方案乙');
    expect(share.body.plan.status).toBe('draft');
    expect(share.body.plan.subsidyPolicy.source).toMatch(/加装电梯办理政府补贴资金/);
    // the same figures as the staff plan (computed live for a draft)
    const staffPlan = (await staff.get(`/api/v1/cost-plans/${await planOf('方案乙')}`)).body;
    const unit = share.body.units.find((u: any) => u.unitId === mineUnit);
    expect(unit.shareFen).toBe(staffPlan.shares.find((s: any) => s.unitId === mineUnit).shareFen);
    expect(unit.shareFen).toBeGreaterThan(0);
    // the lines add up, line by line, to what all owners share (item 1's rule)
    let sum = 0;
    for (const l of share.body.plan.lines) {
      if (l.sign === 'add') sum += l.fen;
      else if (l.sign === 'subtract') sum -= l.fen;
      else expect(l.fen, l.key).toBe(sum);
    }
    expect(sum).toBe(staffPlan.computed.amountToShareFen);
    const signed = await t.anonymous.post(`/api/v1/r/${code}/cost-share/sign`, { unitId: mineUnit });
    expect(signed.status).toBe(409);
    expect(signed.body.error.message).toMatch(/通过后才能签认/);
  });
});
