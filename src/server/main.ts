import { shanghaiDate } from '../core/clock.ts';
import { buildApp } from './app.ts';
import { checkTransport, type Config } from './config.ts';
import type { Db } from './platform/db/client.ts';
import { openDatabase } from './platform/db/client.ts';
import { checkServerSecret, loadServerSecret } from './platform/secret.ts';
import { CodeKeys } from './platform/code-keys.ts';
import { sealClearCodes } from './modules/consent/codes-upgrade.ts';
import { isEmpty, seedDemo } from './demo/seed.ts';

/**
 * The server secret (JW_SECRET, JW_SECRET_FILE or JW_DATA_DIR/jiangwan.key, created on first
 * start), refused unless it is the one this database's codes were sealed with; household codes an
 * earlier version kept in clear are sealed with it now (once).
 */
export async function unlockCodeKeys(
  db: Db,
  config: Pick<Config, 'secret' | 'secretFile' | 'dataDir'>,
): Promise<CodeKeys> {
  const secret = loadServerSecret(config);
  if (secret.source.created)
    console.log(
      `已生成服务器密钥 ${secret.source.location}（权限 600）。请与数据库备份分开备份它：丢失后所有户码须重新发放。\n` +
        `Created the server secret ${secret.source.location} (mode 600). Back it up apart from the database backups: without it every household code must be reissued.`,
    );
  await checkServerSecret(db, secret);
  const keys = new CodeKeys(secret);
  const sealed = await sealClearCodes(db, keys);
  if (sealed)
    console.log(
      `已加密旧版以明文保存的 ${sealed} 个户码 Sealed ${sealed} household codes an earlier version stored in clear`,
    );
  return keys;
}

/** Checks the listening settings, opens the store (locking a PGlite directory), migrates, seeds the demo on an empty store, serves. */
export async function serve(config: Config) {
  checkTransport(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    const codeKeys = await unlockCodeKeys(database.db, config);
    if (config.demo && (await isEmpty(database.db))) {
      const summary = await seedDemo(database.db, { today: shanghaiDate(config.clock.now()), codeKeys });
      console.log(`已生成演示街道 Demo street seeded: ${JSON.stringify(summary)}`);
    }
    const app = await buildApp({
      db: database.db,
      logger: true,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      hsts: Boolean(config.publicUrl?.toLowerCase().startsWith('https://')),
      publicUrl: config.publicUrl,
      clock: config.clock,
      codeKeys,
    });
    const stop = async () => {
      await app.close();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await app.listen({ port: config.port, host: config.host });
    console.log(
      `江湾 Jiangwan: http://${config.host}:${config.port}  (${database.kind}: ${database.location})`,
    );
    return app;
  } catch (err) {
    // a refusal (wrong secret, port in use) must not leave the data directory locked
    await database.close().catch(() => {});
    throw err;
  }
}
