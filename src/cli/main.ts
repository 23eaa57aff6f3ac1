import { Command } from 'commander';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { DataDirLockedError } from '../server/platform/db/lock.ts';
import { serve } from '../server/main.ts';
import { isEmpty, seedDemo } from '../server/demo/seed.ts';
import { shanghaiDate } from '../core/clock.ts';
import { systemActor } from '../server/platform/audit.ts';
import { registerExcelCommands } from './excel.ts';
import { registerUserCommands } from './users.ts';

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

registerUserCommands(program, withDatabase, config.clock);

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
