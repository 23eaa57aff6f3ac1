import { Command } from 'commander';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { DataDirLockedError } from '../server/platform/db/lock.ts';
import { serve } from '../server/main.ts';
import { isEmpty, seedDemo } from '../server/demo/seed.ts';
import { createUser } from '../server/modules/accounts/service.ts';
import { ROLES, type Role } from '../core/roles.ts';
import { shanghaiDate } from '../core/clock.ts';
import { systemActor } from '../server/platform/audit.ts';
import { registerExcelCommands } from './excel.ts';

const program = new Command();
program.name('jiangwan').description('江湾 加装电梯社区协同平台 — Jiangwan lift retrofit platform').version('0.1.0');

const config = readConfig();

/** Opens the configured store, migrated, runs the task and closes it. */
export async function withDatabase<T>(task: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await task(database);
  } finally {
    await database.close();
  }
}

program
  .command('serve')
  .description('启动服务 Start the server (PORT, JW_DATA_DIR, DATABASE_URL)')
  .option('--no-demo', '空库启动，不生成演示街道 Start empty, without the demo street')
  .action(async (opts: { demo: boolean }) => {
    await serve({ ...config, demo: config.demo && opts.demo });
  });

program
  .command('migrate')
  .description('执行数据库迁移 Apply database migrations')
  .action(() => withDatabase(async (d) => console.log(`已迁移 Migrated (${d.kind}: ${d.location})`)));

program
  .command('seed-demo')
  .description('生成演示街道（仅空库）Seed the demo street into an empty store')
  .action(() =>
    withDatabase(async ({ db }) => {
      if (!(await isEmpty(db))) {
        console.error('数据库非空，未生成演示数据 The store is not empty; nothing seeded');
        process.exitCode = 1;
        return;
      }
      console.log(JSON.stringify(await seedDemo(db, { today: shanghaiDate(config.clock.now()) })));
    }),
  );

const user = program.command('user').description('账号管理 Accounts');
user
  .command('create')
  .description('新建账号 Create an account (the first admin of an empty store creates its street)')
  .requiredOption('--username <name>')
  .requiredOption('--password <password>')
  .option('--display-name <name>')
  .option('--role <role>', ROLES.join(' | '), 'street_admin')
  .option('--scope-id <uuid>', '所属区/街道/居委会 id; omitted on an empty store: creates the district and street')
  .option('--district <name>', '区名 District name for a new store', '虹口区')
  .option('--street <name>', '街道名 Street name for a new store', '江湾镇街道')
  .action(async (o: { username: string; password: string; displayName?: string; role: string; scopeId?: string; district: string; street: string }) => {
    if (!ROLES.includes(o.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
    await withDatabase(async ({ db }) => {
      const scopeId = o.scopeId ?? (await ensureStreet(db, o.district, o.street));
      const created = await createUser(db, { username: o.username, password: o.password, displayName: o.displayName ?? o.username, role: o.role as Role, scopeId }, systemActor(config.clock.now()));
      console.log(`已创建账号 Created ${created.username} (${created.role})`);
    });
  });

async function ensureStreet(db: Awaited<ReturnType<typeof openDatabase>>['db'], districtName: string, streetName: string) {
  const { districts, streets } = await import('../server/modules/registry/schema.ts');
  const { and, eq } = await import('drizzle-orm');
  let [district] = await db.select().from(districts).where(eq(districts.name, districtName));
  district ??= (await db.insert(districts).values({ name: districtName }).returning())[0]!;
  let [street] = await db.select().from(streets).where(and(eq(streets.districtId, district.id), eq(streets.name, streetName)));
  street ??= (await db.insert(streets).values({ name: streetName, districtId: district.id }).returning())[0]!;
  return street.id;
}

program
  .command('verify-ledger [consultationId]')
  .description('校验选票账本（默认全部征询）Verify ballot ledgers (all consultations by default)')
  .action((consultationId?: string) =>
    withDatabase(async ({ db }) => {
      const { consultations } = await import('../server/modules/consent/schema.ts');
      const { verifyLedger } = await import('../server/modules/consent/ledger.ts');
      const ids = consultationId ? [consultationId] : (await db.select({ id: consultations.id }).from(consultations)).map((c) => c.id);
      let bad = 0;
      for (const id of ids) {
        const v = await verifyLedger(db, id);
        if (v.ok) console.log(`✓ ${id}: ${v.events} 条记录 events, head ${v.headHash}`);
        else {
          bad++;
          console.log(`✗ ${id}: 第 ${v.firstBad!.seq} 条记录不符（${v.firstBad!.reason}）event ${v.firstBad!.seq} does not match (${v.firstBad!.reason})`);
        }
      }
      if (bad) process.exitCode = 1;
    }),
  );

registerExcelCommands(program, withDatabase, config.clock);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(3);
  }
  const e = err as { message?: string; messageZh?: string; code?: string; port?: number };
  if (e.code === 'EADDRINUSE') {
    console.error(`端口 ${e.port} 已被占用，请用 PORT 指定其他端口。\nPort ${e.port} is already in use; set PORT to another port.`);
    process.exit(4);
  }
  console.error(e.messageZh ? `${e.messageZh}\n${e.message}` : err);
  process.exit(1);
});
