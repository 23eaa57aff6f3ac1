import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.ts';
import { SESSION_HOURS } from '../../src/server/platform/auth.ts';
import { startTestApp, TEST_START, type TestApp } from '../helpers/app.ts';

const clock = manualClock(TEST_START);
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(() => t.close());

describe('session', () => {
  it('logs in, shows the session, logs out', async () => {
    const admin = await t.as('admin');
    const me = await admin.get('/api/v1/session');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('street_admin');
    expect(me.body.csrfToken).toBe(admin.csrfToken);
    expect((await admin.delete('/api/v1/session')).status).toBe(200);
    expect((await admin.get('/api/v1/session')).status).toBe(401);
  });

  it('answers 401 and not a validation message once the session has expired', async () => {
    const admin = await t.as('admin');
    // with a session the body is read, and a missing name is named
    expect((await admin.post('/api/v1/estates', {})).body.error).toMatchObject({
      code: 'bad_input',
      field: 'committeeId',
    });
    clock.advance(SESSION_HOURS * 3600_000);
    const expired = await admin.post('/api/v1/estates', {});
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({
      code: 'unauthenticated',
      message: '请先登录',
      messageEn: 'Please log in first',
    });
  });

  it('refuses the session of a disabled user at once, before their input is read', async () => {
    const shengli = await t.as('shengli');
    await t.database.db.execute(
      sql`update users set disabled = true, disabled_at = now(), disabled_by = 'test' where username = 'shengli'`,
    );
    expect((await shengli.get('/api/v1/session')).status).toBe(401);
    expect((await shengli.post('/api/v1/estates', {})).status).toBe(401);
    await t.database.db.execute(
      sql`update users set disabled = false, disabled_at = null, disabled_by = null where username = 'shengli'`,
    );
    expect((await shengli.get('/api/v1/session')).status).toBe(200);
  });
});
