/**
 * Issue 12 item 6, "the agreement says who runs the lift": the street's clauses as an editable
 * template (street admin edits and resets, committee staff read, every change audited), printed
 * the same in Word and on the owner's page.
 */
import { asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/modules/audit/schema.ts';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

const docxText = async (buf: Buffer) =>
  (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
const yuan = (f: number) =>
  `${Math.floor(f / 100).toLocaleString('en-US')}.${String(f % 100).padStart(2, '0')}`;

let t: TestApp;
let staff: Client;
let admin: Client;
let project: any;
let planId: string;

const audits = () =>
  t.database.db
    .select({
      action: auditEvents.action,
      summary: auditEvents.summary,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(eq(auditEvents.entity, 'agreement_template'))
    .orderBy(asc(auditEvents.id));

/** A project of the committee with a plan adopted: 2,000.01 yuan of other costs keep the fen honest. */
async function adoptedPlan(client: Client, projectId: string) {
  const draft = await client.post(`/api/v1/projects/${projectId}/cost-plans`, {
    name: '协商方案',
    constructionFen: 60_000_000,
    otherCosts: [{ label: '管线迁移', fen: 200_001 }],
    subsidy: { ruleId: 'sh-2020' },
    scheme: { kind: 'area', exemptFloors: [1, 2] },
    schedule: [
      { label: '签约后', dueOn: '2026-12-31', percent: '50' },
      { label: '竣工后', dueOn: '2027-06-30', percent: '50' },
    ],
    runningCostRule: '使用电梯的三层及以上住户按户均摊',
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const id = draft.body.plan.id as string;
  expect((await client.post(`/api/v1/cost-plans/${id}/adopt`)).status).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  admin = await t.as('admin');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 10,
  );
  project = (await staff.post('/api/v1/projects', { name: '协议条款测试项目', stairwellId: stairwell.id }))
    .body;
  planId = await adoptedPlan(staff, project.id);
});
afterAll(() => t.close());

describe('the street’s agreement template', () => {
  it('is the default until edited; committee staff read it with the placeholders, only the street admin writes', async () => {
    const read = await staff.get('/api/v1/agreement-template');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      isDefault: true,
      version: 0,
      amendQuorum: { area: '2/3', heads: '2/3' },
    });
    expect(read.body.clauses.map((c: any) => c.title)).toContain('使用管理单位');
    expect(read.body.placeholders.map((p: any) => p.name)).toContain('总造价');
    const body = { clauses: read.body.clauses, amendQuorum: read.body.amendQuorum };
    expect((await staff.put('/api/v1/agreement-template', body)).status).toBe(403);
    expect((await staff.delete('/api/v1/agreement-template')).status).toBe(403);
    expect(await audits()).toEqual([]);
  });

  it('saves the street admin’s wording as a new version, audited with what changed', async () => {
    const before = (await admin.get('/api/v1/agreement-template')).body;
    const clauses = [
      ...before.clauses,
      { title: '附则', body: '本协议未尽事宜，由出资业主协商补充；补充协议与本协议具有同等效力。{日期}' },
    ];
    const res = await admin.put('/api/v1/agreement-template', {
      clauses,
      amendQuorum: { area: '3/4', heads: '3/4' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ isDefault: false, version: 1, updatedByName: expect.any(String) });
    expect((await staff.get('/api/v1/agreement-template')).body.clauses).toHaveLength(clauses.length);
    const [row] = await audits();
    expect(row).toMatchObject({
      action: 'update',
      summary: '协议书模板第 1 版',
      before: { amendQuorum: { area: '2/3', heads: '2/3' } },
      after: { amendQuorum: { area: '3/4', heads: '3/4' }, clauses },
    });
  });

  it('refuses bad input with a bilingual message naming the field, and writes nothing', async () => {
    const current = (await admin.get('/api/v1/agreement-template')).body;
    const ok = { clauses: current.clauses, amendQuorum: current.amendQuorum };
    const cases: [unknown, string, string][] = [
      [
        { ...ok, clauses: [...ok.clauses.slice(0, 2), { title: '造价', body: '总价 {造价} 元' }] },
        'clauses.2.body',
        '第 3 条的正文中有未知的占位符“{造价}”',
      ],
      [{ ...ok, clauses: [{ title: '{项目', body: '正文' }] }, 'clauses.0.title', '不成对'],
      [{ ...ok, amendQuorum: { area: '4/3', heads: '2/3' } }, 'amendQuorum.area', '分数'],
      [{ ...ok, clauses: [] }, 'clauses', '协议条款'],
      [{ ...ok, clauses: [{ title: '', body: 'x' }] }, 'clauses.0.title', '标题'],
    ];
    for (const [body, field, zh] of cases) {
      const res = await admin.put('/api/v1/agreement-template', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.field).toBe(field);
      expect(res.body.error.message).toContain(zh);
      expect(res.body.error.messageEn.length).toBeGreaterThan(10);
    }
    const after = (await admin.get('/api/v1/agreement-template')).body;
    expect(after.version).toBe(1);
    expect(after.clauses).toEqual(current.clauses);
    expect(await audits()).toHaveLength(1);
  });
});

describe('the agreement printed from the template', () => {
  it('prints the filled clauses in Word, with the cost lines and every household’s row', async () => {
    const plan = (await staff.get(`/api/v1/cost-plans/${planId}`)).body;
    const text = await docxText((await staff.get(`/api/v1/cost-plans/${planId}/agreement.docx`)).raw);
    expect(text).toContain('第一条　协议各方与项目');
    expect(text).toContain(`本协议由协议条款测试项目全体业主（共 ${plan.shares.length} 户`);
    // 600,000.00 + 2,000.01 yuan, taken off 40% of construction
    expect(text).toContain('加装电梯总费用 602,000.01 元');
    expect(text).toContain(`全体业主共同分摊 ${yuan(plan.plan.amountToShareFen)} 元`);
    expect(text).toContain('签约后（2026-12-31 前）交 50%；竣工后（2027-06-30 前）交 50%');
    expect(text).toContain('按以下办法分摊：使用电梯的三层及以上住户按户均摊。');
    expect(text).toContain('由全体出资业主推选的单位（尚未推选）作为电梯使用管理单位');
    expect(text).toContain('专有部分面积占本门洞四分之三以上且人数占四分之三以上的业主书面同意');
    expect(text).toContain('第十二条　附则');
    expect(text).toContain('本户（见附表）应出资 见附表');
    for (const s of plan.shares) {
      expect(text).toContain(`${s.room}室`);
      expect(text).toContain(yuan(s.shareFen));
    }
  });

  it('shows the owner the same clauses, filled for their household, as their Word agreement', async () => {
    const vote = (
      await staff.post('/api/v1/consultations', {
        projectId: project.id,
        kind: 'vote',
        title: '表决',
        question: '同意吗？',
        ruleId: 'sh-801-building',
      })
    ).body;
    await staff.post(`/api/v1/consultations/${vote.id}/open`);
    const codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;
    const tally = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    const plan = (await staff.get(`/api/v1/cost-plans/${planId}`)).body;
    const payer = plan.shares.find((s: any) => s.shareFen > 0);
    const groupId = tally.units.find((u: any) => u.unitId === payer.unitId).groupId;
    const code = codes.find((c: any) => c.groupId === groupId).code;
    const view = (await t.anonymous.get(`/api/v1/r/${code}/cost-share`)).body;
    const mine = view.units.find((u: any) => u.unitId === payer.unitId);
    expect(mine.clauses).toHaveLength(12);
    const split = mine.clauses.find((c: any) => c.title === '第三条　费用分摊').body;
    expect(split).toContain(
      `本户（${payer.room}室，${payer.floor} 层，${payer.areaM2} ㎡）应出资 ${yuan(payer.shareFen)} 元`,
    );
    const word = await docxText(
      (await staff.get(`/api/v1/cost-plans/${planId}/agreement/${payer.unitId}/docx`)).raw,
    );
    for (const c of mine.clauses) {
      expect(word).toContain(c.title);
      expect(word).toContain(c.body);
    }
  });

  // domain.md §4: "After handover: appoint an 电梯使用管理单位" — the owners choose it; the
  // agreement names it once the lift's record has one, and says it is still to be chosen before
  it('names the lift’s use unit once recorded', async () => {
    const all = (await admin.get('/api/v1/projects?pageSize=100')).body.items;
    const building = all.find((p: any) => p.stage === 'construction');
    const lift = await admin.put(`/api/v1/projects/${building.id}/lift`, {
      useUnitKind: 'owners_group',
      useUnitName: '加装电梯业主自管小组',
    });
    expect(lift.status).toBe(200);
    const id = await adoptedPlan(admin, building.id);
    const text = await docxText((await admin.get(`/api/v1/cost-plans/${id}/agreement.docx`)).raw);
    expect(text).toContain('由业主自管小组“加装电梯业主自管小组”作为电梯使用管理单位');
  });

  it('goes back to the default on reset, as a new version, audited', async () => {
    const res = await admin.delete('/api/v1/agreement-template');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      isDefault: true,
      version: 2,
      amendQuorum: { area: '2/3', heads: '2/3' },
    });
    expect(res.body.clauses).toHaveLength(11);
    const rows = await audits();
    expect(rows.map((r) => r.action)).toEqual(['update', 'reset']);
    expect(rows[1]!.summary).toBe('协议书模板第 2 版（恢复默认）');
    const text = await docxText((await staff.get(`/api/v1/cost-plans/${planId}/agreement.docx`)).raw);
    expect(text).not.toContain('附则');
    expect(text).toContain('专有部分面积占本门洞三分之二以上且人数占三分之二以上的业主书面同意');
  });
});
