import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
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
});
