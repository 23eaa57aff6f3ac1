/**
 * The benchmark's server process: the real app with the demo street and `consultations` open
 * votes (one per stairwell), or (`--bare`) a bare Fastify endpoint that inserts one row per
 * request, the reference figure. Prints one JSON line `{port, codes}` when ready.
 *
 *   tsx bench/ballots/server.ts <consultations> [--bare]    (DATABASE_URL for PostgreSQL)
 */
import { shanghaiDate, systemClock } from '../../src/core/clock.ts';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { loadAccess } from '../../src/server/modules/projects/access.ts';
import { toSessionUser } from '../../src/server/modules/accounts/sessions.ts';
import { freshStore } from '../store.ts';
import { users } from '../../src/server/modules/accounts/schema.ts';
import { createProject } from '../../src/server/modules/projects/service.ts';
import { createConsultation, listCodes, openConsultation } from '../../src/server/modules/consent/service.ts';
import { listStairwells } from '../../src/server/modules/registry/service.ts';
import { verifyLedger } from '../../src/server/modules/consent/ledger.ts';
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { CodeKeys } from '../../src/server/platform/code-keys.ts';
import { ServerSecret } from '../../src/server/platform/secret.ts';

// on a signal: check that every chain the load wrote verifies, then exit cleanly (so --cpu-prof can write its profile)
const consultationIds: string[] = [];
async function verifyAndExit() {
  let events = 0;
  for (const id of consultationIds) {
    const verdict = await verifyLedger(database.db, id);
    if (!verdict.ok) {
      console.error(
        `ledger of ${id} does not verify at event ${verdict.firstBad?.seq}: ${verdict.firstBad?.reason}`,
      );
      process.exit(1);
    }
    events += verdict.events;
  }
  if (consultationIds.length)
    console.error(`  ledgers verified: ${consultationIds.length} chains, ${events} events`);
  process.exit(0);
}
process.once('SIGINT', () => void verifyAndExit());
process.once('SIGTERM', () => void verifyAndExit());

const consultationCount = Number(process.argv[2] ?? 20);
const bare = process.argv.includes('--bare');
const url = process.env.DATABASE_URL;

const database = await freshStore(url, 'disk');

if (bare) {
  // the reference: parse JSON, one INSERT, answer — what any endpoint that writes must do
  await database.db.execute(
    sql`create table bare_ballots (id bigserial primary key, code text not null, choice text not null, at timestamptz not null default now())`,
  );
  const app = Fastify();
  app.post('/bare', async (req) => {
    const body = req.body as { code: string; choice: string };
    await database.db.execute(
      sql`insert into bare_ballots (code, choice) values (${body.code}, ${body.choice})`,
    );
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(
    JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, codes: ['bare'] }),
  );
} else {
  await database.migrate();
  const codeKeys = new CodeKeys(ServerSecret.fromText(randomBytes(32).toString('base64')));
  await seedDemo(database.db, { today: shanghaiDate(systemClock.now()), codeKeys });
  const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin'));
  const access = await loadAccess(database.db, toSessionUser(admin!), systemClock.now());
  const stairwells = (await listStairwells(database.db, access, { page: 1, pageSize: 500 })).items.filter(
    (s) => s.unitCount >= 10,
  );
  const codes: string[] = [];
  for (const sw of stairwells.slice(0, consultationCount)) {
    const project = await createProject(database.db, access, { name: `bench ${sw.id}`, stairwellId: sw.id });
    const c = await createConsultation(database.db, access, {
      projectId: project.id,
      kind: 'vote',
      title: 'bench',
      question: 'bench',
      ruleId: 'sh-801-building',
      scopeKind: 'stairwell',
    });
    await openConsultation(database.db, access, c.id, codeKeys);
    consultationIds.push(c.id);
    codes.push(...(await listCodes(database.db, access, c.id, codeKeys)).codes.map((x) => x.code));
  }
  // many residents from one address would trip the per-address limit; the benchmark measures the write path
  const app = await buildApp({ db: database.db, webRoot: '/nonexistent', rateLimit: false, codeKeys });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, codes }));
}
