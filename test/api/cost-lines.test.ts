/**
 * Issue 11 item 1: the owner's cost page shows every line of the staff plan, in the agreement's
 * order and words, and its figures add back to the fen under every scheme.
 *
 * domain.md §5: "share = coefficient × flat area × (total cost ÷ paying area)", and in Minhang
 * Jinming Fudi "1F and 2F households each received 5,000 yuan": the owners share the costs,
 * compensation included, after the subsidy and other funds; their shares together are that amount.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scheme } from '../../src/core/money/schemes.ts';
import { startTestApp, type Client, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let staff: Client;
let project: any;
let units: any[];
let code: string;
let unitId: string;

const docxText = async (buf: Buffer) =>
  (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
const costShare = (c: string) => t.anonymous.get(`/api/v1/r/${encodeURIComponent(c)}/cost-share`);

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.as('shengli');
  // four flats a floor, so four ground-floor households are compensated, as in the issue
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount === 4 * s.floors,
  );
  project = (await staff.post('/api/v1/projects', { name: '逐项核对项目', stairwellId: stairwell.id })).body;
  units = (await staff.get(`/api/v1/stairwells/${stairwell.id}`)).body.units;
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
  // a top-floor household: it pays under every scheme below
  const top = Math.max(...units.map((u) => u.floor));
  const topIds = new Set(units.filter((u) => u.floor === top).map((u) => u.id));
  const mine = tally.units.find((u: any) => topIds.has(u.unitId));
  unitId = mine.unitId;
  code = codes.find((c: any) => c.groupId === mine.groupId).code;
});
afterAll(() => t.close());

/** The issue's plan: 640,000 construction, 50,000 pipe relocation, 4 × 5,000 to the ground floor, Shanghai 2020. */
const issuePlan = (scheme: Scheme) => ({
  name: `逐项核对（${scheme.kind}）`,
  constructionFen: 64_000_000,
  otherCosts: [{ label: '管线迁移', fen: 5_000_000 }],
  subsidy: { ruleId: 'sh-2020' },
  compensations: units.filter((u) => u.floor === 1).map((u) => ({ unitId: u.id, fen: 500_000 })),
  scheme,
});

const schemesOf = (floors: number): Record<Scheme['kind'], Scheme> => ({
  'floor-coefficient-area': {
    kind: 'floor-coefficient-area',
    coefficients: Object.fromEntries(
      Array.from({ length: floors }, (_, i) => [
        String(i + 1),
        ['0', '0', '0.7', '0.8', '0.9', '1.0', '1.1'][i]!,
      ]),
    ),
  },
  'floor-percent': {
    kind: 'floor-percent',
    // 100 over the floors from 3 up, the rest on the top floor
    percents: Object.fromEntries(
      Array.from({ length: floors }, (_, i) => [
        String(i + 1),
        String(i < 2 ? 0 : i === floors - 1 ? 100 - 10 * (floors - 3) : 10),
      ]),
    ),
  },
  equal: { kind: 'equal', exemptFloors: [1, 2] },
  area: { kind: 'area', exemptFloors: [1] },
});

describe('the owner’s cost lines', () => {
  it('answers 400 for a malformed code, 404 for an unknown one or before a plan is adopted, in both languages', async () => {
    for (const [c, status] of [
      ['x'.repeat(41), 400],
      ['ABCD-EFGH-JKLM', 404],
      [code, 404],
    ] as const) {
      const res = await costShare(c);
      expect(res.status, c).toBe(status);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.body.error.messageEn).toMatch(/[a-z]/);
    }
    expect((await costShare(code)).body.error.code).toBe('no_plan');
  });

  it('are, for the issue’s plan, every line of the plan and add up to what the owners share', async () => {
    const floors = Math.max(...units.map((u) => u.floor));
    const draft = await staff.post(
      `/api/v1/projects/${project.id}/cost-plans`,
      issuePlan(schemesOf(floors)['floor-coefficient-area']),
    );
    expect(draft.status).toBe(201);
    expect((await staff.post(`/api/v1/cost-plans/${draft.body.plan.id}/adopt`)).status).toBe(200);
    const view = (await costShare(code)).body;
    expect(view.plan.lines.map((l: any) => [l.key, l.label.zh, l.fen, l.sign])).toEqual([
      ['construction', '施工金额', 64_000_000, 'add'],
      ['other-cost', '其他费用（管线迁移）', 5_000_000, 'add'],
      ['compensation', '住户补偿（4 户）', 2_000_000, 'add'],
      ['total-cost', '总费用', 71_000_000, 'total'],
      ['subsidy', '政府补贴', 25_600_000, 'subtract'],
      ['owners-share', '全体业主共同分摊', 45_400_000, 'total'],
    ]);
    expect(view.plan.lines[4].note.zh).toBe('施工金额的 40%，最高 280,000.00 元');
    // the plan has no other funds: the explanation no longer speaks of them
    const mine = view.units.find((u: any) => u.unitId === unitId);
    expect(mine.explanation.zh).toContain(
      '加装电梯总费用 710,000.00 元，扣除政府补贴 256,000.00 元后，由全体业主共同分摊 454,000.00 元。',
    );
    expect(mine.explanation.zh).not.toContain('其他资金');

    // the agreement staff print has the same lines, in the same order and words
    const agreement = await docxText(
      (await staff.get(`/api/v1/cost-plans/${draft.body.plan.id}/agreement.docx`)).raw,
    );
    const printed = [
      '施工金额640,000.00',
      '加：其他费用（管线迁移）50,000.00',
      '加：住户补偿（4 户）20,000.00',
      '总费用710,000.00',
      '减：政府补贴（施工金额的 40%，最高 280,000.00 元）256,000.00',
      '全体业主共同分摊454,000.00',
    ];
    const at = printed.map((p) => agreement.indexOf(p));
    expect(
      at.every((i) => i >= 0),
      `${printed.join(' / ')} in ${agreement}`,
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(agreement).not.toContain('其他资金');
  });

  it('add back to the fen under every scheme: costs = subsidy + other funds + owners’ share = every household’s share', async () => {
    const floors = Math.max(...units.map((u) => u.floor));
    for (const [kind, scheme] of Object.entries(schemesOf(floors))) {
      const draft = await staff.post(`/api/v1/projects/${project.id}/cost-plans`, {
        ...issuePlan(scheme),
        // a fund as well, so every kind of line is added or taken off
        otherFunds: [{ label: '街道支持', fen: 1_234_567 }],
      });
      expect(draft.status, kind).toBe(201);
      const adopted = (await staff.post(`/api/v1/cost-plans/${draft.body.plan.id}/adopt`)).body;
      const view = (await costShare(code)).body;
      expect(view.plan.name, kind).toBe(draft.body.plan.name);
      const lines: { key: string; fen: number; sign: string }[] = view.plan.lines;

      // read the page's figures as the owner does, line by line
      let running = 0;
      for (const l of lines) {
        expect(Number.isInteger(l.fen) && l.fen >= 0, `${kind} ${l.key}`).toBe(true);
        if (l.sign === 'add') running += l.fen;
        else if (l.sign === 'subtract') running -= l.fen;
        else expect(l.fen, `${kind} ${l.key}`).toBe(running);
      }
      const owners = lines.at(-1)!;
      expect(owners.key).toBe('owners-share');
      expect(owners.fen, kind).toBe(view.plan.amountToShareFen);

      const sum = (xs: readonly { fen: number }[]) => xs.reduce((s, x) => s + x.fen, 0);
      const costs = sum(lines.filter((l) => l.sign === 'add'));
      expect(lines[0]).toMatchObject({ key: 'construction', fen: view.plan.constructionFen });
      expect(costs, kind).toBe(64_000_000 + 5_000_000 + 4 * 500_000);
      expect(costs, kind).toBe(view.plan.subsidyFen + 1_234_567 + owners.fen);
      expect(lines.find((l) => l.key === 'other-fund')).toMatchObject({ fen: 1_234_567, sign: 'subtract' });

      // the owners' share is every household's share, the compensated ones' included
      expect(sum(adopted.shares.map((s: any) => ({ fen: s.shareFen }))), kind).toBe(owners.fen);
      expect(sum(adopted.shares.map((s: any) => ({ fen: s.compensationFen }))), kind).toBe(2_000_000);
      const mine = view.units.find((u: any) => u.unitId === unitId);
      expect(mine.shareFen, kind).toBe(adopted.shares.find((s: any) => s.unitId === unitId).shareFen);
      expect(mine.shareFen, kind).toBeGreaterThan(0);
    }
  });
});
