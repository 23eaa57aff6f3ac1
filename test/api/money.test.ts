/** Issue 5 (first part): plan, what-if, adoption with a new version, sign-offs, payments and arrears. */
import { sql } from 'drizzle-orm';
import { addDays } from '../../src/core/calendar.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_TODAY, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';
import JSZip from 'jszip';

const docxText = async (buf: Buffer) =>
  (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

let t: TestApp;
let staff: Client;
let project: any;
let units: any[];

const coefficients = (floors: number) =>
  Object.fromEntries(
    Array.from({ length: floors }, (_, i) => [
      String(i + 1),
      ['0', '0', '0.7', '0.8', '0.9', '1.0', '1.1'][i]!,
    ]),
  );

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 10,
  );
  project = (await staff.post('/api/v1/projects', { name: '费用测试项目', stairwellId: stairwell.id })).body;
  units = (await staff.get(`/api/v1/stairwells/${stairwell.id}`)).body.units;
});
afterAll(() => t.close());

describe('the money of one project', () => {
  let planId: string;
  const floors = () => Math.max(...units.map((u) => u.floor));

  it('compares schemes side by side on the real stairwell', async () => {
    const res = await staff.post(`/api/v1/projects/${project.id}/cost-plans/what-if`, {
      constructionFen: 60_000_000,
      subsidy: { ruleId: 'sh-2020' },
      schemes: [
        {
          name: '系数×面积',
          scheme: { kind: 'floor-coefficient-area', coefficients: coefficients(floors()) },
        },
        { name: '按面积（一二层免）', scheme: { kind: 'area', exemptFloors: [1, 2] } },
        { name: '平均', scheme: { kind: 'equal', exemptFloors: [1] } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.schemes).toHaveLength(3);
    for (const s of res.body.schemes) {
      expect(s.subsidyFen).toBe(24_000_000);
      expect(s.shares.reduce((a: number, x: any) => a + x.shareFen, 0)).toBe(36_000_000);
      expect(s.perFloor.reduce((a: number, x: any) => a + x.fen, 0)).toBe(36_000_000);
    }
    expect(res.body.schemes[0].spreadFen).toBeGreaterThan(0);
    const bad = await staff.post(`/api/v1/projects/${project.id}/cost-plans/what-if`, {
      constructionFen: 1,
      schemes: [{ name: 'x', scheme: { kind: 'equal' } }],
    });
    expect(bad.body.error.field).toBe('schemes');
  });

  it('drafts a plan with compensation, adopts it and freezes the shares; a change is a new version', async () => {
    const low = units.filter((u) => u.floor === 1);
    const draft = await staff.post(`/api/v1/projects/${project.id}/cost-plans`, {
      name: '协商方案',
      constructionFen: 60_000_000,
      otherCosts: [{ label: '管线迁移', fen: 3_000_000 }],
      subsidy: { ruleId: 'sh-2020' },
      otherFunds: [{ label: '街道支持', fen: 1_000_000 }],
      compensations: low.map((u) => ({ unitId: u.id, fen: 500_000, note: '底层补偿' })),
      scheme: { kind: 'floor-coefficient-area', coefficients: coefficients(floors()) },
      schedule: [
        { label: '签约后', dueOn: '2026-12-31', percent: '50' },
        { label: '竣工后', dueOn: '2027-06-30', percent: '50' },
      ],
      runningCostRule: '使用电梯的三层及以上住户按户均摊',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.amountToShareFen).toBe(
      60_000_000 + 3_000_000 + low.length * 500_000 - 24_000_000 - 1_000_000,
    );
    planId = draft.body.plan.id;
    const adopted = (await staff.post(`/api/v1/cost-plans/${planId}/adopt`)).body;
    expect(adopted.plan.status).toBe('adopted');
    expect(adopted.shares.filter((s: any) => s.floor <= 2).every((s: any) => s.shareFen === 0)).toBe(true);
    expect(adopted.shares.reduce((a: number, s: any) => a + s.shareFen, 0)).toBe(draft.body.amountToShareFen);
    // a registry change does not move frozen shares
    await staff.patch(`/api/v1/units/${units.at(-1).id}`, { areaM2: '120.00' });
    const again = (await staff.get(`/api/v1/cost-plans/${planId}`)).body;
    expect(again.shares.map((s: any) => s.shareFen)).toEqual(adopted.shares.map((s: any) => s.shareFen));
    const v2 = (
      await staff.post(`/api/v1/projects/${project.id}/cost-plans`, {
        name: '调整方案',
        constructionFen: 62_000_000,
        subsidy: { ruleId: 'sh-2020' },
        scheme: { kind: 'area', exemptFloors: [1, 2] },
        schedule: [
          { label: '签约后', dueOn: '2026-01-31', percent: '33.33' },
          { label: '开工后', dueOn: '2026-06-30', percent: '33.33' },
          { label: '竣工后', dueOn: '2099-06-30', percent: '33.34' },
        ],
      })
    ).body;
    expect(v2.plan.version).toBe(2);
    await staff.post(`/api/v1/cost-plans/${v2.plan.id}/adopt`);
    const versions = (await staff.get(`/api/v1/projects/${project.id}/cost-plans`)).body.items.map(
      (p: any) => [p.version, p.status],
    );
    expect(versions).toEqual([
      [2, 'adopted'],
      [1, 'superseded'],
    ]);
    expect((await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares).toHaveLength(units.length); // old version still readable
    planId = v2.plan.id;
  });

  it('keeps one adopted plan per project in the database itself (a unique partial index)', async () => {
    // rolled back either way, so the tests after it see the plans as they were
    const second = await t.database.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`update cost_plans set status = 'adopted' where project_id = ${project.id} and status = 'superseded'`,
        );
        tx.rollback();
      })
      .catch((err) => err);
    expect(second.cause?.code ?? second.message).toBe('23505');
  });

  it('records sign-offs with a scan, payments, and lists arrears', async () => {
    const payer = (await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares.find(
      (s: any) => s.shareFen > 0,
    );
    const signed = await staff.inject({
      method: 'POST',
      url: `/api/v1/cost-plans/${planId}/sign-offs`,
      ...multipart(
        { unitId: payer.unitId },
        { name: 'sign.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' },
      ),
    });
    expect(signed.status).toBe(201);
    // a sign-off is the owner's act, recorded once
    const again = await staff.inject({
      method: 'POST',
      url: `/api/v1/cost-plans/${planId}/sign-offs`,
      ...multipart({ unitId: payer.unitId }, { name: 'sign.pdf', content: PDF, type: 'application/pdf' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      field: 'unitId',
      message: expect.stringContaining('不能重复登记'),
    });
    const half = Math.floor(payer.shareFen / 2);
    expect(
      (
        await staff.post(`/api/v1/cost-plans/${planId}/payments`, {
          unitId: payer.unitId,
          amountFen: half,
          paidOn: '2026-11-20',
          method: 'bank',
          receiptNo: 'R-001',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await staff.post(`/api/v1/cost-plans/${planId}/payments`, {
          unitId: payer.unitId,
          amountFen: 100,
          paidOn: '2026-11-20',
          method: 'cash',
          receiptNo: 'R-001',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await staff.post(`/api/v1/cost-plans/${planId}/payments`, {
          unitId: payer.unitId,
          amountFen: 0,
          paidOn: '2026-11-20',
          method: 'cash',
          receiptNo: 'R-002',
        })
      ).body.error.field,
    ).toBe('amountFen');
    // more than is still owed, or a day after today, is refused and names the field
    const over = await staff.post(`/api/v1/cost-plans/${planId}/payments`, {
      unitId: payer.unitId,
      amountFen: payer.shareFen - half + 1,
      paidOn: '2026-11-20',
      method: 'cash',
      receiptNo: 'R-003',
    });
    expect(over.status).toBe(400);
    expect(over.body.error).toMatchObject({ field: 'amountFen', message: expect.stringContaining('尚欠') });
    const later = await staff.post(`/api/v1/cost-plans/${planId}/payments`, {
      unitId: payer.unitId,
      amountFen: 1,
      paidOn: addDays(TEST_TODAY, 1),
      method: 'cash',
      receiptNo: 'R-004',
    });
    expect(later.body.error.field).toBe('paidOn');
    const status = (await staff.get(`/api/v1/cost-plans/${planId}/payments`)).body;
    const row = status.units.find((u: any) => u.unitId === payer.unitId);
    expect(row).toMatchObject({
      paidFen: half,
      outstandingFen: payer.shareFen - half,
      signed: true,
      state: 'partial',
    });
    expect(row.dues.reduce((a: number, d: any) => a + d.fen, 0)).toBe(payer.shareFen);
    expect(status.arrears.length).toBe(status.units.filter((u: any) => u.shareFen > 0).length);
    // two of three instalments are due: what the household owes by today, less what it paid
    const dueNow = row.dues
      .filter((d: any) => d.dueOn <= '2099-01-01')
      .reduce((a: number, d: any) => a + d.fen, 0);
    expect(row.overdueFen).toBe(Math.max(0, dueNow - half));
    expect(status.units.filter((u: any) => u.floor <= 2).every((u: any) => u.state === 'exempt')).toBe(true);
    const xlsx = await staff.get(`/api/v1/cost-plans/${planId}/payments.xlsx`);
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as never);
    const sheet = wb.getWorksheet('缴款与欠款')!;
    expect(sheet.rowCount).toBe(status.units.length + 1);
    const district = await t.as('district');
    const masked = (await district.get(`/api/v1/cost-plans/${planId}/payments`)).body.units.find(
      (u: any) => u.owners.length,
    );
    expect(masked.owners[0]).toContain('*');
    expect(
      (
        await district.post(`/api/v1/cost-plans/${planId}/payments`, {
          unitId: payer.unitId,
          amountFen: 1,
          paidOn: '2026-11-20',
          method: 'cash',
          receiptNo: 'R-9',
        })
      ).status,
    ).toBe(403);
  });

  it("takes the street's own subsidy rules and scheme presets, edited by the street admin", async () => {
    const admin = await t.as('admin');
    const tpl = (await admin.get('/api/v1/templates')).body;
    expect(tpl.schemePresets.map((p: any) => p.key)).toEqual(['coef-6', 'coef-7', 'percent-6']);
    expect(tpl.subsidyRules.find((r: any) => r.id === 'sh-2020')).toMatchObject({
      rate: '0.40',
      capFen: 28_000_000,
    });
    const rules = [
      ...tpl.subsidyRules,
      {
        id: 'hz-2018',
        name: { zh: '杭州 2018：每台 20 万元', en: 'Hangzhou 2018: 200,000 per lift' },
        rate: '1',
        capFen: 20_000_000,
        source: 'shine.cn 2018',
      },
    ];
    expect((await admin.put('/api/v1/templates', { subsidyRules: rules })).status).toBe(200);
    expect((await staff.put('/api/v1/templates', { subsidyRules: rules })).status).toBe(403);
    expect(
      (await admin.put('/api/v1/templates', { subsidyRules: [{ ...rules[0], rate: '1.5' }] })).status,
    ).toBe(400);
    const w = (
      await staff.post(`/api/v1/projects/${project.id}/cost-plans/what-if`, {
        constructionFen: 60_000_000,
        subsidy: { ruleId: 'hz-2018' },
        schemes: [
          { name: 'a', scheme: { kind: 'equal' } },
          { name: 'b', scheme: { kind: 'area' } },
        ],
      })
    ).body;
    expect(w.schemes[0].subsidyFen).toBe(20_000_000);
  });

  it('writes the agreement as Word, whole and per household, with the right figures', async () => {
    const plan = (await staff.get(`/api/v1/cost-plans/${planId}`)).body;
    const whole = await staff.get(`/api/v1/cost-plans/${planId}/agreement.docx`);
    expect(whole.status).toBe(200);
    const text = await docxText(whole.raw);
    expect(text).toContain('加装电梯协议书');
    const yuan = (f: number) =>
      `${Math.floor(f / 100).toLocaleString('en-US')}.${String(f % 100).padStart(2, '0')}`;
    expect(text).toContain(yuan(plan.plan.amountToShareFen));
    for (const sh of plan.shares) expect(text).toContain(yuan(sh.shareFen));
    const payer = plan.shares.find((x: any) => x.shareFen > 0);
    const one = await docxText(
      (await staff.get(`/api/v1/cost-plans/${planId}/agreement/${payer.unitId}/docx`)).raw,
    );
    expect(one).toContain(`${payer.room}室`);
    expect(one).toContain(yuan(payer.shareFen));
  });

  it('lets an owner see and sign off their share from the household code page', async () => {
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
    const plan = (await staff.get(`/api/v1/cost-plans/${planId}`)).body;
    const tally = (await staff.get(`/api/v1/consultations/${vote.id}/tally`)).body;
    const paying = new Set(
      plan.shares.filter((x: any) => x.shareFen > 0 && !x.signedAt).map((x: any) => x.unitId),
    );
    const unit = tally.units.find((u: any) => paying.has(u.unitId));
    const code = codes.find((c: any) => c.groupId === unit.groupId).code;
    const view = (await t.anonymous.get(`/api/v1/r/${code}/cost-share`)).body;
    const mine = view.units.find((u: any) => u.unitId === unit.unitId);
    expect(mine.explanation.zh).toContain('应出资');
    expect(mine.signedAt).toBeNull();
    // a double tap, or two phones of one household at once: signed once, audited once
    const auditsBefore = (
      (await t.database.db.execute(
        sql`select count(*)::int as n from audit_events where action = 'sign_off'`,
      )) as { rows: { n: number }[] }
    ).rows[0]!.n;
    const taps = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.anonymous.post(`/api/v1/r/${code}/cost-share/sign`, { unitId: unit.unitId }),
      ),
    );
    expect(taps.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(taps.filter((r) => !r.body.already)).toHaveLength(1);
    expect(new Set(taps.map((r) => r.body.signedAt)).size).toBe(1);
    // the staff page sees it signed online (the plan's shares carry the sign-off)
    const signed = (await staff.get(`/api/v1/cost-plans/${planId}`)).body.shares.find(
      (x: any) => x.unitId === unit.unitId,
    );
    expect(signed).toMatchObject({ signedChannel: 'online', signedAt: taps[0]!.body.signedAt });
    expect(
      (
        (await t.database.db.execute(
          sql`select count(*)::int as n from audit_events where action = 'sign_off'`,
        )) as { rows: { n: number }[] }
      ).rows[0]!.n,
    ).toBe(auditsBefore + 1);
    const other = plan.shares.find((x: any) => !view.units.some((u: any) => u.unitId === x.unitId));
    expect(
      (await t.anonymous.post(`/api/v1/r/${code}/cost-share/sign`, { unitId: other.unitId })).body.error
        .field,
    ).toBe('unitId');
    // audited with the scope (street and committee), as the street admin's audit filters need
    const [audit] = (
      (await t.database.db.execute(
        sql`select actor_name, street_id, committee_id from audit_events where action = 'sign_off' and after->>'channel' = 'online' order by id desc limit 1`,
      )) as { rows: { actor_name: string; street_id: string | null; committee_id: string | null }[] }
    ).rows;
    expect(audit).toMatchObject({
      actor_name: expect.stringMatching(/^household:/),
      street_id: expect.any(String),
      committee_id: project.committeeId,
    });
    const status = (await staff.get(`/api/v1/cost-plans/${planId}/payments`)).body;
    expect(status.units.find((u: any) => u.unitId === unit.unitId).signed).toBe(true);
  });

  it('claims the subsidy from acceptance on, computed from the plan', async () => {
    const claim = (await staff.get(`/api/v1/projects/${project.id}/subsidy-claim`)).body;
    expect(claim.amountFen).toBe(24_800_000); // 40% of 620,000 yuan
    expect(
      (
        await staff.put(`/api/v1/projects/${project.id}/subsidy-claim`, {
          status: 'prepared',
          preparedOn: '2026-11-01',
        })
      ).status,
    ).toBe(200);
    const early = await staff.put(`/api/v1/projects/${project.id}/subsidy-claim`, {
      status: 'submitted',
      submittedOn: '2026-11-10',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.messageEn).toContain('acceptance');
    // the claim's papers are uploaded to the document library as "subsidy" and listed with the claim
    const upload = await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/documents`,
      ...multipart(
        { title: '补贴申请表', category: 'subsidy' },
        { name: 'claim.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    expect(upload.status).toBe(201);
    await staff.inject({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/documents`,
      ...multipart(
        { title: '竣工照片', category: 'photo' },
        { name: 'site.pdf', content: PDF, type: 'application/pdf' },
      ),
    });
    const withPapers = (await staff.get(`/api/v1/projects/${project.id}/subsidy-claim`)).body;
    expect(withPapers.documents.map((d: any) => d.title)).toEqual(['补贴申请表']);
    expect(withPapers.documents[0].versions[0]).toMatchObject({ version: 1, name: 'claim.pdf' });
  });

  it("keeps the claim's dates in order, none after today, and clears the later ones when the status goes back", async () => {
    // the works are done: the project is at acceptance
    await t.database.db.execute(sql`update lift_projects set stage = 'acceptance' where id = ${project.id}`);
    const claim = (body: Record<string, unknown>) =>
      staff.put(`/api/v1/projects/${project.id}/subsidy-claim`, body);
    const before = await claim({ status: 'submitted', preparedOn: '2026-11-01', submittedOn: '2026-10-30' });
    expect(before.status).toBe(400);
    expect(before.body.error).toMatchObject({
      field: 'submittedOn',
      message: expect.stringContaining('2026-11-01'),
    });
    expect((await claim({ status: 'submitted', submittedOn: addDays(TEST_TODAY, 1) })).body.error.field).toBe(
      'submittedOn',
    );
    const received = await claim({
      status: 'received',
      submittedOn: '2026-11-05',
      approvedOn: '2026-11-15',
      receivedOn: '2026-11-20',
      grantedFen: 24_800_000,
    });
    expect(received.status).toBe(200);
    expect(received.body.claim).toMatchObject({
      status: 'received',
      preparedOn: '2026-11-01',
      submittedOn: '2026-11-05',
      approvedOn: '2026-11-15',
      receivedOn: '2026-11-20',
    });
    const back = await claim({ status: 'submitted' });
    expect(back.body.claim).toMatchObject({
      status: 'submitted',
      preparedOn: '2026-11-01',
      submittedOn: '2026-11-05',
      approvedOn: null,
      receivedOn: null,
    });
  });

  it('bills a year of running costs among the floors that use the lift, and collects', async () => {
    const res = await staff.post(`/api/v1/projects/${project.id}/running-costs`, {
      year: 2027,
      items: [
        { label: '维保', fen: 600_000 },
        { label: '电费', fen: 120_000 },
        { label: '保险', fen: 80_000 },
      ],
      scheme: { kind: 'equal', exemptFloors: [1] },
    });
    expect(res.status).toBe(201);
    expect(res.body.totalFen).toBe(800_000);
    expect(res.body.bills.reduce((a: number, b: any) => a + b.amountFen, 0)).toBe(800_000);
    expect(res.body.bills.filter((b: any) => b.floor === 1).every((b: any) => b.amountFen === 0)).toBe(true);
    const bill = res.body.bills.find((b: any) => b.amountFen > 0);
    const today = TEST_TODAY;
    // a bill is not overpaid; each payment is kept with its method and receipt
    const over = await staff.post(`/api/v1/running-bills/${bill.id}/payments`, {
      amountFen: bill.amountFen + 1,
      paidOn: today,
      method: 'cash',
      receiptNo: 'Y-0',
    });
    expect(over.body.error.field).toBe('amountFen');
    const first = await staff.post(`/api/v1/running-bills/${bill.id}/payments`, {
      amountFen: bill.amountFen - 100,
      paidOn: today,
      method: 'wechat',
      receiptNo: 'Y-1',
    });
    expect(first.status).toBe(201);
    expect(first.body.payment).toMatchObject({
      amountFen: bill.amountFen - 100,
      method: 'wechat',
      receiptNo: 'Y-1',
    });
    expect(
      (
        await staff.post(`/api/v1/running-bills/${bill.id}/payments`, {
          amountFen: 100,
          paidOn: today,
          method: 'cash',
          receiptNo: 'Y-2',
        })
      ).body.paidFen,
    ).toBe(bill.amountFen);
    const kept = await t.database.db.execute(
      sql`select receipt_no, method from running_bill_payments where bill_id = ${bill.id} order by created_at`,
    );
    expect((kept as { rows: unknown[] }).rows).toEqual([
      { receipt_no: 'Y-1', method: 'wechat' },
      { receipt_no: 'Y-2', method: 'cash' },
    ]);
    const listed = (await staff.get(`/api/v1/projects/${project.id}/running-costs`)).body.years[0].bills.find(
      (b: any) => b.id === bill.id,
    );
    expect(listed.payments.map((p: any) => [p.receiptNo, p.method, p.amountFen])).toEqual([
      ['Y-1', 'wechat', bill.amountFen - 100],
      ['Y-2', 'cash', 100],
    ]);
    const years = (await staff.get(`/api/v1/projects/${project.id}/running-costs`)).body.years;
    expect(years[0].collectedFen).toBe(bill.amountFen);
    expect(
      (
        await staff.post(`/api/v1/projects/${project.id}/running-costs`, {
          year: 2027,
          items: [{ label: '维保', fen: 1 }],
          scheme: { kind: 'equal' },
        })
      ).status,
    ).toBe(409);
  });
});
