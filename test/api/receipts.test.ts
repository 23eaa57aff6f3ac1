/**
 * The receipt can be checked (issue 11 item 4): staff browse a consultation's ledger (masked,
 * searchable by receipt number, paged by seq), the certificate lists each counted ballot's
 * receipt number, and anyone holding a receipt number checks what the ledger recorded for it,
 * with nothing of who voted.
 */
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.ts';
import { formatReceipt, receiptOf } from '../../src/core/consent/receipts.ts';
import { redactUrl } from '../../src/server/app.ts';
import { startTestApp, STAFF_PASSWORD, TEST_START, type Client, type TestApp } from '../helpers/app.ts';
import { multipart, PDF } from '../helpers/multipart.ts';
import { shanghaiMinute } from '../../src/core/clock.ts';

/** moved by hand: a throttle's wait lasts until the test moves on */
const clock = manualClock(TEST_START);
let t: TestApp;
let staff: Client;
let staff2: Client;
let other: Client;
let district: Client;
let vote: { id: string };
let codes: { groupId: string; label: string; ownersMasked: string[]; code: string }[];
/** receipts (whole hashes) as the ballots answered them */
const r: Record<string, string> = {};

async function newStaff(username: string, committeeId: string) {
  const admin = await t.as('admin');
  const created = await admin.post('/api/v1/users', {
    username,
    displayName: `${username} 工作人员`,
    password: STAFF_PASSWORD,
    mustChangePassword: false,
    role: 'committee_staff',
    scopeId: committeeId,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return t.as(username, STAFF_PASSWORD);
}

const paper = (groupId: string, choice: string) =>
  staff.inject({
    method: 'POST',
    url: `/api/v1/consultations/${vote.id}/ballots`,
    ...multipart(
      { groupId, channel: 'paper', choice },
      { name: 'b.pdf', content: PDF, type: 'application/pdf' },
    ),
  });
const ledger = (query = '', as = staff) => as.get(`/api/v1/consultations/${vote.id}/ledger${query}`);
/** The public check from an address of its own (each test's throttle count is its own). */
const check = (receipt: string, address = '192.0.2.1') =>
  t.anonymous.inject({
    method: 'GET',
    url: `/api/v1/receipts/${encodeURIComponent(receipt)}`,
    remoteAddress: address,
  });

beforeAll(async () => {
  t = await startTestApp({ clock });
  staff = await t.as('shengli');
  const committees = (await (await t.as('admin')).get('/api/v1/committees')).body.items as {
    id: string;
    name: string;
  }[];
  const shengli = committees.find((c) => c.name === '胜利居委')!;
  staff2 = await newStaff('shengli_check', shengli.id);
  other = await newStaff('other_committee', committees.find((c) => c.id !== shengli.id)!.id);
  district = await t.as('district');
  const stairwell = (await staff.get('/api/v1/stairwells?pageSize=500')).body.items.find(
    (s: any) => s.unitCount >= 6,
  );
  const project = (await staff.post('/api/v1/projects', { name: '回执测试项目', stairwellId: stairwell.id }))
    .body;
  vote = (
    await staff.post('/api/v1/consultations', {
      projectId: project.id,
      kind: 'vote',
      title: '回执核对表决',
      question: '是否同意加装电梯？',
      ruleId: 'sh-801-building',
      doubleEntry: true,
    })
  ).body;
  await staff.post(`/api/v1/consultations/${vote.id}/open`);
  codes = (await staff.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items;

  // household 0 votes agree, then changes to disagree; household 1 agrees
  r.cast = (await t.anonymous.post(`/api/v1/r/${codes[0]!.code}/ballot`, { choice: 'agree' })).body.receipt;
  clock.advance(60_000);
  r.changed = (
    await t.anonymous.post(`/api/v1/r/${codes[0]!.code}/ballot`, { choice: 'disagree' })
  ).body.receipt;
  r.other = (await t.anonymous.post(`/api/v1/r/${codes[1]!.code}/ballot`, { choice: 'agree' })).body.receipt;
  // household 2: a paper ballot, confirmed by a second staff member; household 3: one still to check
  r.entry = (await paper(codes[2]!.groupId, 'abstain')).body.receipt;
  r.confirmed = (
    await staff2.post(`/api/v1/consultations/${vote.id}/ballots/${codes[2]!.groupId}/confirm`, {
      choice: 'abstain',
    })
  ).body.receipt;
  r.pending = (await paper(codes[3]!.groupId, 'agree')).body.receipt;
  for (const [k, v] of Object.entries(r)) expect(v, k).toMatch(/^[0-9a-f]{64}$/);
});
afterAll(() => t.close());

describe('the staff ledger', () => {
  it('lists every event newest first, households masked, receipts the hashes’ first 16 digits', async () => {
    const res = await ledger();
    expect(res.status).toBe(200);
    const items = res.body.items as any[];
    expect(items.map((e) => e.kind)).toEqual([
      'staff_entry',
      'confirmed',
      'staff_entry',
      'cast',
      'changed',
      'cast',
      'open',
    ]);
    expect(items.map((e) => e.seq)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(res.body.nextBefore).toBeNull();
    for (const e of items) {
      expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.receipt).toBe(e.hash.slice(0, 16));
    }
    const bySeq = new Map(items.map((e) => [e.seq, e]));
    expect(bySeq.get(2)).toMatchObject({
      kind: 'cast',
      hash: r.cast,
      choice: 'agree',
      channel: 'online',
      household: { label: codes[0]!.label, ownersMasked: codes[0]!.ownersMasked },
      earlier: null,
      needsCheck: false,
    });
    expect(bySeq.get(3)).toMatchObject({ kind: 'changed', choice: 'disagree', earlier: receiptOf(r.cast!) });
    expect(bySeq.get(5)).toMatchObject({
      kind: 'staff_entry',
      channel: 'paper',
      choice: 'abstain',
      needsCheck: true,
    });
    expect(bySeq.get(6)).toMatchObject({ kind: 'confirmed', channel: 'paper', earlier: receiptOf(r.entry!) });
    expect(bySeq.get(1)).toMatchObject({ kind: 'open', household: null, choice: null, channel: null });
    // names only masked: every owner shown has a * (or is one character long)
    for (const e of items)
      for (const name of e.household?.ownersMasked ?? [])
        expect([...name].length === 1 || name.includes('*')).toBe(true);
    // nothing of the payload beyond what the contract names (staff names, the scan's hash)
    expect(JSON.stringify(res.body)).not.toMatch(/"by"|"document"|"witness"|"group"/);
  });

  it('pages back in time by seq, without gaps or repeats', async () => {
    const seen: number[] = [];
    let before: number | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const res = await ledger(`?limit=3${before ? `&before=${before}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((e: any) => e.seq));
      before = res.body.nextBefore;
      if (before === null) break;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    // the last full page says there is nothing older rather than sending an empty page
    expect((await ledger('?limit=1&before=2')).body).toMatchObject({ items: [{ seq: 1 }], nextBefore: null });
  });

  it('finds events by receipt number: its first digits as typed, or the whole number as printed', async () => {
    const typed = formatReceipt(r.cast!).slice(0, 6).toLowerCase(); // "9f3a 1"
    const some = await ledger(`?receipt=${encodeURIComponent(typed)}`);
    expect(some.status).toBe(200);
    expect(some.body.items.map((e: any) => e.hash)).toContain(r.cast);
    for (const e of some.body.items) expect(e.receipt.startsWith(typed.replace(' ', ''))).toBe(true);
    const whole = await ledger(`?receipt=${encodeURIComponent(formatReceipt(r.confirmed!))}`);
    expect(whole.body.items).toHaveLength(1);
    expect(whole.body.items[0]).toMatchObject({ kind: 'confirmed', hash: r.confirmed });
    // a search with paging: one at a time
    const first = await ledger(`?receipt=${receiptOf(r.pending!)}&limit=1`);
    expect(first.body).toMatchObject({ items: [{ hash: r.pending }], nextBefore: null });
    const none = await ledger(`?receipt=${receiptOf(r.cast!).replace(/^./, (c) => (c === '0' ? '1' : '0'))}`);
    expect(none.body.items.every((e: any) => e.hash !== r.cast)).toBe(true);
  });

  it('refuses a receipt that cannot be one, naming the field, in both languages', async () => {
    const res = await ledger('?receipt=xyz');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toMatch(/receipt$/);
    expect(res.body.error.message).toContain('回执号');
    expect(res.body.error.message).toContain('“x”');
    expect(res.body.error.messageEn).toMatch(/receipt number/i);
    expect((await ledger('?limit=0')).status).toBe(400);
    expect((await ledger('?before=-1')).status).toBe(400);
  });

  it('is the committee’s: another committee gets 404, a stranger 401; the district viewer reads it', async () => {
    expect((await ledger('', other)).status).toBe(404);
    expect((await ledger('', t.anonymous)).status).toBe(401);
    expect((await ledger('', district)).status).toBe(200);
  });

  it('uses the hash indexes for a receipt, whatever the collation', async () => {
    const plan = async (query: ReturnType<typeof sql>) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const result: unknown = await tx.execute(sql`explain ${query}`);
        return (result as { rows: Record<string, string>[] }).rows.map((x) => Object.values(x)[0]).join('\n');
      });
    const prefix = `${receiptOf(r.cast!)}%`;
    expect(await plan(sql`select seq from ledger_events where hash like ${prefix}`)).toContain(
      'ledger_events_hash',
    );
    expect(
      await plan(
        sql`select seq from ledger_events where consultation_id = ${vote.id} and hash like ${prefix} order by seq desc`,
      ),
    ).toContain('ledger_events_consultation_hash');
  });
});

describe('the certificate', () => {
  it('lists each counted ballot’s receipt number, as the owner’s receipt shows it', async () => {
    const cert = (await staff.get(`/api/v1/consultations/${vote.id}/certificate`)).body;
    const of = (groupId: string) =>
      cert.ballots.find((b: any) => b.household === codes.find((c) => c.groupId === groupId)!.label);
    expect(of(codes[0]!.groupId).receipt).toBe(receiptOf(r.changed!));
    expect(of(codes[2]!.groupId).receipt).toBe(receiptOf(r.confirmed!));
    // a paper ballot still to check does not count, so it has no receipt on the certificate
    expect(of(codes[3]!.groupId)).toMatchObject({ choice: null, receipt: null });
    expect(of(codes[4]!.groupId)).toMatchObject({ choice: null, receipt: null });
    // the owner's page shows the receipt the certificate lists
    const view = (await t.anonymous.get(`/api/v1/r/${codes[0]!.code}`)).body;
    expect(receiptOf(view.ballot.receipt)).toBe(of(codes[0]!.groupId).receipt);

    const docx = await staff.get(`/api/v1/consultations/${vote.id}/certificate.docx`);
    const zip = await JSZip.loadAsync(docx.raw);
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('回执号');
    expect(text).toContain(formatReceipt(r.changed!));
    expect(text).toContain(formatReceipt(r.confirmed!));
    // each ballot's time as the clock on a Shanghai wall shows it, as the page shows it
    const certificate = (await staff.get(`/api/v1/consultations/${vote.id}/certificate`)).body;
    const cast = certificate.ballots.filter((b: { castAt: string | null }) => b.castAt);
    expect(cast.length).toBeGreaterThan(0);
    for (const b of cast) expect(text).toContain(shanghaiMinute(new Date(b.castAt)));
  });
});

describe('the public receipt check', () => {
  /** What may never appear in a public answer: the household, its owners, any id. */
  const expectNothingPersonal = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const c of codes) {
      expect(text).not.toContain(c.groupId);
      expect(text).not.toContain(c.label);
      for (const o of c.ownersMasked) expect(text).not.toContain(o);
    }
    expect(text).not.toContain(vote.id);
    expect(text).not.toMatch(/"(label|owners?|ownersMasked|household|group|unit|room|name|by)"/);
  };

  it('shows what a receipt recorded and that a later ballot replaced it, without login or code', async () => {
    const res = await check(formatReceipt(r.cast!));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      receipt: receiptOf(r.cast!),
      project: '回执测试项目',
      consultation: { kind: 'vote', title: '回执核对表决', status: 'open' },
      entry: { seq: 2, kind: 'cast', channel: 'online', choice: 'agree' },
      standing: 'replaced',
      later: {
        at: new Date(new Date(TEST_START).getTime() + 60_000).toISOString(),
        kind: 'changed',
        channel: 'online',
      },
    });
    expectNothingPersonal(res.body);
  });

  it('says which ballot counts now, which waits for its check and which was confirmed', async () => {
    const now = await check(receiptOf(r.changed!).toUpperCase());
    expect(now.body).toMatchObject({
      entry: { kind: 'changed', choice: 'disagree' },
      standing: 'current',
      later: null,
    });
    const entry = await check(receiptOf(r.entry!));
    expect(entry.body).toMatchObject({
      entry: { kind: 'staff_entry', channel: 'paper', choice: 'abstain' },
      standing: 'confirmed',
      later: { kind: 'confirmed', channel: 'paper' },
    });
    expect((await check(receiptOf(r.confirmed!))).body).toMatchObject({
      entry: { kind: 'confirmed' },
      standing: 'current',
    });
    expect((await check(receiptOf(r.pending!))).body).toMatchObject({
      standing: 'awaiting_check',
      later: null,
    });
    // the whole hash (a receipt before receipt numbers were short) finds the same
    expect((await check(r.other!)).body).toMatchObject({ receipt: receiptOf(r.other!), standing: 'current' });
    for (const res of [now, entry]) expectNothingPersonal(res.body);
  });

  it('finds only ballots: the opening’s hash is not a receipt', async () => {
    const open = (await ledger()).body.items.find((e: any) => e.kind === 'open');
    expect((await check(open.receipt)).status).toBe(404);
  });

  it('says plainly when a receipt is not in the ledger, in both languages', async () => {
    const hashes = new Set((await ledger()).body.items.map((e: any) => e.receipt));
    const unknown = ['0123456789abcdef', 'fedcba9876543210'].find((x) => !hashes.has(x))!;
    const res = await check(unknown);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'unknown_receipt', field: 'receipt' });
    expect(res.body.error.message).toContain('账本中没有这个回执号');
    expect(res.body.error.messageEn).toContain('no such receipt number');
  });

  it('refuses what cannot be a receipt with a 400 naming the field, before any lookup', async () => {
    const short = await check('9F3A 1C2B');
    expect(short.status).toBe(400);
    expect(short.body.error.field).toMatch(/receipt$/);
    expect(short.body.error.message).toContain('共 16 位，这里有 8 位');
    expect(short.body.error.messageEn).toContain('has 16 characters; this has 8');
    const letters = await check('9F3A 1C2B 77DE 0AXZ');
    expect(letters.status).toBe(400);
    expect(letters.body.error.message).toContain('“X”');
    expect((await check('a'.repeat(65))).status).toBe(400);
    // look-alikes are forgiven: O for 0, I and L for 1, full-width digits
    const typed = formatReceipt(r.other!)
      .replace(/0/g, 'O')
      .replace(/1/g, 'l')
      .replace(/[2-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect((await check(typed)).status).toBe(200);
  });

  it('slows an address that guesses: 20 wrong receipts free, then it must wait, right ones too', async () => {
    const guesser = '198.51.100.7';
    const known = new Set((await ledger()).body.items.map((e: any) => e.receipt));
    const guesses = Array.from({ length: 21 }, (_, i) =>
      (0x1000_0000_0000_0000n + BigInt(i)).toString(16),
    ).filter((g) => !known.has(g));
    for (const g of guesses) expect((await check(g, guesser)).status).toBe(404);
    const refused = await check(receiptOf(r.changed!), guesser);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'receipt_throttled', field: 'receipt' });
    expect(refused.body.error.details.retryAfter).toBe(1);
    // another address is not slowed; this one may ask again once its wait is over
    expect((await check(receiptOf(r.changed!), '203.0.113.9')).status).toBe(200);
    clock.advance(1000);
    expect((await check(receiptOf(r.changed!), guesser)).status).toBe(200);
  });

  it('keeps receipt numbers out of the request log', () => {
    expect(redactUrl('/api/v1/receipts/9f3a1c2b77de0a41')).toBe('/api/v1/receipts/***');
    expect(redactUrl('/r/receipt/9F3A%201C2B%2077DE%200A41')).toBe('/r/receipt/***');
    expect(redactUrl('/r/receipt')).toBe('/r/***');
    expect(redactUrl('/api/v1/consultations/x/ledger?limit=5&receipt=9f3a')).toBe(
      '/api/v1/consultations/x/ledger?limit=5&receipt=***',
    );
    expect(redactUrl('/api/v1/r/ABCD-EFGH-JKMN/ballot')).toBe('/api/v1/r/***/ballot');
  });
});
