/**
 * Throttling credentials (issue 9, item 4). Logins and household codes are sent to a second
 * instance on the same database whose per-instance rate limit is off, so what holds is the count
 * in the database that every instance shares; the clock is moved by hand.
 * - passwords: a wait per username and address that grows and expires, checked before the
 *   password (so of 200 concurrent guesses only the free ones are checked), a ceiling per
 *   address, a success or a street admin's unlock clearing it;
 * - household codes: a right code resolves from an address that sent many wrong ones, until the
 *   address's hard ceiling; while codes are guessed everywhere, addresses past their free wrong
 *   codes are refused.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.ts';
import { countFailure } from '../../src/server/platform/throttle.ts';
import { buildApp } from '../../src/server/app.ts';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.ts';
import { LOGIN_ADDRESS_THROTTLE, LOGIN_THROTTLE } from '../../src/server/modules/accounts/service.ts';
import { CODE_CEILING, CODE_THROTTLE, CODES_PER_MINUTE } from '../../src/server/modules/household/codes.ts';
import { startTestApp, TEST_START, type Client, type TestApp } from '../helpers/app.ts';

const clock = manualClock(TEST_START);
let t: TestApp;
/** a second instance on the same database, without the per-instance rate limit */
let instance: FastifyInstance;
let admin: Client;
let shengli: Client;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q));

/** Requests from one client address to the second instance. */
function from(address: string) {
  const send = async (opts: InjectOptions) => {
    const res = await instance.inject({ ...opts, remoteAddress: address });
    return { status: res.statusCode, body: res.json(), retryAfterHeader: res.headers['retry-after'] };
  };
  return {
    login: (username: string, password: string) =>
      send({ method: 'POST', url: '/api/v1/session', payload: { username, password } }),
    code: (code: string) => send({ method: 'GET', url: `/api/v1/r/${code}` }),
    vote: (code: string) =>
      send({ method: 'POST', url: `/api/v1/r/${code}/ballot`, payload: { choice: 'agree' } }),
  };
}

const statuses = (replies: { status: number }[]) =>
  replies.reduce<Record<number, number>>((n, r) => ({ ...n, [r.status]: (n[r.status] ?? 0) + 1 }), {});
const retryAfterOf = (reply: { status: number; body: any; retryAfterHeader: unknown }) => {
  expect(reply.status).toBe(429);
  const seconds = reply.body.error.details.retryAfter;
  expect(reply.retryAfterHeader).toBe(String(seconds));
  return seconds as number;
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  instance = await buildApp({
    db: t.database.db,
    webRoot: '/nonexistent',
    clock,
    rateLimit: false,
    codeKeys: t.codeKeys,
  });
  await instance.ready();
  [admin, shengli] = (await Promise.all(['admin', 'shengli'].map((u) => t.as(u)))) as [Client, Client];
});
afterAll(async () => {
  await instance.close();
  await t.close();
});

describe('logging in', () => {
  it('checks only the first few of 200 concurrent wrong passwords for one user, and a colleague elsewhere logs in at once', async () => {
    const stranger = from('203.0.113.7');
    const replies = await Promise.all(Array.from({ length: 200 }, () => stranger.login('shengli', 'guess')));
    // the free failures and the one after them are checked (401); every other waits (429) unchecked
    const checked = LOGIN_THROTTLE.free + 1;
    expect(statuses(replies)).toEqual({ 401: checked, 429: 200 - checked });
    for (const r of replies.filter((r) => r.status === 429))
      expect(r.body.error).toMatchObject({
        code: 'login_throttled',
        field: 'username',
        message: expect.stringMatching(/秒后再试/),
        messageEn: expect.stringMatching(/Too many failed logins/),
      });
    const [row] = await query<{ failures: number }>(
      sql`select failures from throttles where kind = ${LOGIN_THROTTLE.kind} and address = '203.0.113.7' and subject = 'shengli'`,
    );
    expect(row!.failures).toBe(checked);
    // even the right password waits from the stranger's address
    expect((await stranger.login('shengli', DEMO_PASSWORD)).status).toBe(429);
    expect((await from('198.51.100.20').login('shengli', DEMO_PASSWORD)).status).toBe(200);
  });

  it('lets free attempts through whatever order concurrent ones read the clock in', async () => {
    // four logins at once from one address: the one that read the clock first may count last
    const key = { address: '203.0.113.77', subject: 'clock-order' };
    const later = new Date(clock.now().getTime() + 50);
    for (const policy of [LOGIN_ADDRESS_THROTTLE, LOGIN_THROTTLE]) {
      expect(await countFailure(t.database.db, policy, key, later, { unlessWaiting: true })).not.toBeNull();
      for (let n = 2; n <= policy.free + 1; n++)
        expect(
          await countFailure(t.database.db, policy, key, clock.now(), { unlessWaiting: true }),
          `attempt ${n} of ${policy.kind}`,
        ).not.toBeNull();
      // past the free ones the wait holds as before
      expect(await countFailure(t.database.db, policy, key, clock.now(), { unlessWaiting: true })).toBeNull();
    }
  });

  it('makes the wait grow with each failure up to its cap, lets the attempt through when it ends, and forgets after an hour', async () => {
    const office = from('198.51.100.30');
    for (let i = 0; i < LOGIN_THROTTLE.free + 1; i++)
      expect((await office.login('district', 'wrong')).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 11; i++) {
      const wait = retryAfterOf(await office.login('district', 'wrong'));
      waits.push(wait);
      clock.advance(wait * 1000 - 1);
      // not a moment early, even with the right password: nothing is checked during the wait
      expect((await office.login('district', DEMO_PASSWORD)).status).toBe(429);
      clock.advance(1);
      expect((await office.login('district', 'wrong')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    clock.advance(LOGIN_THROTTLE.forgetAfterSeconds * 1000);
    for (let i = 0; i < LOGIN_THROTTLE.free + 1; i++)
      expect((await office.login('district', 'wrong')).status).toBe(401);
    expect(retryAfterOf(await office.login('district', DEMO_PASSWORD))).toBe(1);
    clock.advance(1000);
    // a success clears the pair: the free failures are there again
    expect((await office.login('district', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < LOGIN_THROTTLE.free + 1; i++)
      expect((await office.login('district', 'wrong')).status).toBe(401);
    clock.advance(1000);
    expect((await office.login('district', DEMO_PASSWORD)).status).toBe(200);
  });

  it('holds a ceiling per address across usernames, which successes do not use up', async () => {
    const sprayer = from('203.0.113.50');
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => sprayer.login(`nobody${i}`, 'jiangwan2026')),
    );
    expect(statuses(replies)).toEqual({
      401: LOGIN_ADDRESS_THROTTLE.free + 1,
      429: 100 - LOGIN_ADDRESS_THROTTLE.free - 1,
    });
    expect((await sprayer.login('jjl', DEMO_PASSWORD)).status).toBe(429);
    expect((await from('203.0.113.51').login('jjl', DEMO_PASSWORD)).status).toBe(200);
    // a busy office: more logins than the ceiling's free failures, all let in
    const office = from('198.51.100.40');
    for (let i = 0; i < LOGIN_ADDRESS_THROTTLE.free + 10; i++)
      expect((await office.login('jjl', DEMO_PASSWORD)).status).toBe(200);
  });

  it('is unlocked for a user of the street by the street admin, audited', async () => {
    const office = from('198.51.100.60');
    for (let i = 0; i < LOGIN_THROTTLE.free + 1; i++)
      expect((await office.login('jjl', 'wrong')).status).toBe(401);
    expect((await office.login('jjl', DEMO_PASSWORD)).status).toBe(429);
    const [jjl, district] = await Promise.all(
      ['jjl', 'district'].map(
        async (u) => (await query<{ id: string }>(sql`select id from users where username = ${u}`))[0]!.id,
      ),
    );
    expect((await shengli.post(`/api/v1/users/${jjl}/unlock`)).status).toBe(403);
    // the district viewer is no user of the street
    expect((await admin.post(`/api/v1/users/${district}/unlock`)).status).toBe(404);
    const unlocked = await admin.post(`/api/v1/users/${jjl}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ ok: true, addresses: 1 });
    const audit = await query<{ actor_name: string; entity_id: string }>(
      sql`select actor_name, entity_id from audit_events where action = 'unlock' and entity = 'user'`,
    );
    expect(audit).toEqual([{ actor_name: 'admin', entity_id: jjl }]);
    expect((await office.login('jjl', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('household codes', () => {
  const WRONG = 'ABCD-EFGH-JKMN';
  let codes: string[];

  beforeAll(async () => {
    const stairwell = (await shengli.get('/api/v1/stairwells?pageSize=500')).body.items.find(
      (s: any) => s.unitCount >= 6,
    );
    const project = (
      await shengli.post('/api/v1/projects', { name: '户码限流测试', stairwellId: stairwell.id })
    ).body;
    const vote = (
      await shengli.post('/api/v1/consultations', {
        projectId: project.id,
        kind: 'vote',
        title: '加装电梯表决',
        question: '您是否同意本单元加装电梯？',
        ruleId: 'sh-801-building',
        opensOn: '2026-11-20',
        closesOn: '2026-12-20',
      })
    ).body;
    expect((await shengli.post(`/api/v1/consultations/${vote.id}/open`)).status).toBe(200);
    codes = (
      (await shengli.post(`/api/v1/consultations/${vote.id}/codes/reveal`)).body.items as { code: string }[]
    ).map((c) => c.code);
    expect(codes.length).toBeGreaterThanOrEqual(3);
  });

  /** The next minute begins: wrong codes everywhere are counted afresh. */
  const nextMinute = () => clock.set(new Date((Math.floor(clock.now().getTime() / 60_000) + 1) * 60_000));

  it('resolves a right code from an address that sent many wrong ones, and tells the wrong ones to wait', async () => {
    nextMinute();
    const centre = from('192.0.2.10');
    const wrong = [];
    for (let i = 0; i < 30; i++) wrong.push(await centre.code(WRONG));
    expect(statuses(wrong)).toEqual({ 404: CODE_THROTTLE.free, 429: 30 - CODE_THROTTLE.free });
    expect(wrong[0]!.body.error).toMatchObject({ code: 'wrong_code', field: 'code' });
    expect(wrong.at(-1)!.body.error).toMatchObject({
      code: 'code_throttled',
      field: 'code',
      message: expect.stringMatching(/户码不正确/),
      messageEn: expect.stringMatching(/not correct/),
    });
    expect(wrong.slice(CODE_THROTTLE.free).map(retryAfterOf)).toEqual([
      1,
      2,
      4,
      8,
      16,
      32,
      ...Array(14).fill(60),
    ]);
    expect((await centre.code(codes[0]!)).status).toBe(200);
    expect((await centre.vote(codes[0]!)).status).toBe(200);
  });

  it('refuses every code, right ones too, from an address over its hard ceiling until it is forgotten', async () => {
    nextMinute();
    const guesser = from('192.0.2.20');
    // spread over minutes so that the ceiling everywhere is not reached
    for (let sent = 0; sent < CODE_CEILING; sent += 100) {
      await Promise.all(Array.from({ length: 100 }, () => guesser.code(WRONG)));
      clock.advance(30_000);
    }
    const refused = await guesser.code(codes[1]!);
    expect(refused.body.error).toMatchObject({
      code: 'code_throttled',
      messageEn: expect.stringMatching(/this network/),
    });
    const wait = retryAfterOf(refused);
    expect(wait).toBeGreaterThan(CODE_THROTTLE.forgetAfterSeconds - 5 * 30);
    expect((await guesser.vote(codes[1]!)).status).toBe(429);
    expect((await from('192.0.2.21').code(codes[1]!)).status).toBe(200);
    clock.advance(wait * 1000);
    expect((await guesser.code(codes[1]!)).status).toBe(200);
    expect((await guesser.vote(codes[1]!)).status).toBe(200);
  });

  it('bounds guessing from many addresses: past the wrong codes a minute allows, an address past its free ones is refused until the minute ends', async () => {
    nextMinute();
    const addresses = Array.from(
      { length: CODES_PER_MINUTE / CODE_THROTTLE.free },
      (_, i) => `192.0.2.${100 + i}`,
    );
    const wrong = await Promise.all(
      addresses.flatMap((a) => Array.from({ length: CODE_THROTTLE.free }, () => from(a).code(WRONG))),
    );
    expect(statuses(wrong)).toEqual({ 404: CODES_PER_MINUTE });
    const guesser = from(addresses[0]!);
    expect((await guesser.code(codes[2]!)).status).toBe(429);
    expect((await guesser.vote(codes[2]!)).status).toBe(429);
    // refused before the lookup: nothing more is counted, so nothing more is learnt
    for (let i = 0; i < 5; i++) expect((await guesser.code(WRONG)).status).toBe(429);
    const [row] = await query<{ failures: number }>(
      sql`select failures from throttles where kind = ${CODE_THROTTLE.kind} and address = ${addresses[0]!}`,
    );
    expect(row!.failures).toBe(CODE_THROTTLE.free);
    // an address without wrong codes is looked up as always
    const neighbour = from('192.0.2.99');
    expect((await neighbour.code(WRONG)).status).toBe(404);
    expect((await neighbour.code(codes[2]!)).status).toBe(200);
    nextMinute();
    expect((await guesser.code(codes[2]!)).status).toBe(200);
  });
});
