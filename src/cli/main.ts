import { Command } from 'commander';
import { readConfig } from '../server/config.ts';
import { openDatabase } from '../server/platform/db/client.ts';
import { DataDirLockedError } from '../server/platform/db/lock.ts';
import { serve, unlockCodeKeys } from '../server/main.ts';
import { StartupRefusal } from '../server/platform/refusal.ts';
import { isEmpty, seedDemo } from '../server/demo/seed.ts';
import { shanghaiDate } from '../core/clock.ts';
import { systemActor } from '../server/platform/actor.ts';
import { registerExcelCommands } from './excel.ts';
import { registerUserCommands } from './users.ts';

const program = new Command();
program
  .name('jiangwan')
  .description('江湾 加装电梯社区协同平台 — Jiangwan lift retrofit platform')
  .version('0.1.0');

const config = readConfig();

/** Opens the configured store, migrated, runs the task and closes it. */
export async function withDatabase<T>(
  task: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
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
  .action(() =>
    withDatabase(async (d) => {
      // completes an upgrade: codes an earlier version kept in clear are sealed with the server secret
      await unlockCodeKeys(d.db, config);
      console.log(`已迁移 Migrated (${d.kind}: ${d.location})`);
    }),
  );

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
      const codeKeys = await unlockCodeKeys(db, config);
      console.log(JSON.stringify(await seedDemo(db, { today: shanghaiDate(config.clock.now()), codeKeys })));
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
      const ids = consultationId
        ? [consultationId]
        : (await db.select({ id: consultations.id }).from(consultations)).map((c) => c.id);
      let bad = 0;
      for (const id of ids) {
        const v = await verifyLedger(db, id);
        if (v.ok) console.log(`✓ ${id}: ${v.events} 条记录 events, head ${v.headHash}`);
        else {
          bad++;
          console.log(
            `✗ ${id}: 第 ${v.firstBad!.seq} 条记录不符（${v.firstBad!.reason}）event ${v.firstBad!.seq} does not match (${v.firstBad!.reason})`,
          );
        }
      }
      if (bad) process.exitCode = 1;
    }),
  );

program
  .command('key-lost')
  .description(
    '服务器密钥丢失：改用现在配置的密钥，并为所有住户重新发放户码 The server secret is lost: take the one configured now and issue every household a new code',
  )
  .option('--confirm', '确认原密钥已无法找回 Confirm the old secret cannot be found')
  .action((o: { confirm?: boolean }) =>
    withDatabase(async ({ db }) => {
      if (!o.confirm) {
        console.error(
          '所有户码将作废并重新发放，须重新打印全部告知书。确认原密钥已无法找回后，加 --confirm 再运行。\n' +
            'Every household code will be revoked and replaced, and every letter must be printed again. Once sure the old secret cannot be found, run again with --confirm.',
        );
        process.exitCode = 1;
        return;
      }
      const { loadServerSecret } = await import('../server/platform/secret.ts');
      const { CodeKeys } = await import('../server/platform/code-keys.ts');
      const { replaceLostKey } = await import('../server/modules/consent/key-lost.ts');
      const secret = loadServerSecret(config);
      const result = await replaceLostKey(db, secret, new CodeKeys(secret), systemActor(config.clock.now()));
      console.log(
        `已改用密钥 ${secret.source.location}；${result.consultations} 次征询的 ${result.codes} 个户码已重新发放，请重新打印告知书。\n` +
          `Now using the secret ${secret.source.location}; ${result.codes} household codes of ${result.consultations} consultations reissued: print the letters again.`,
      );
    }),
  );

registerExcelCommands(program, withDatabase, config.clock);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof StartupRefusal) {
    console.error(err.message);
    process.exit(2);
  }
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(3);
  }
  const e = err as { message?: string; messageZh?: string; code?: string; port?: number };
  if (e.code === 'EADDRINUSE') {
    console.error(
      `端口 ${e.port} 已被占用，请用 PORT 指定其他端口。\nPort ${e.port} is already in use; set PORT to another port.`,
    );
    process.exit(4);
  }
  console.error(e.messageZh ? `${e.messageZh}\n${e.message}` : err);
  process.exit(1);
});
