import { shanghaiDate } from '../core/clock.ts';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './platform/db/client.ts';
import { isEmpty, seedDemo } from './demo/seed.ts';

/** Opens the store (locking a PGlite directory), migrates, seeds the demo on an empty store, serves. */
export async function serve(config: Config) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  if (config.demo && (await isEmpty(database.db))) {
    const summary = await seedDemo(database.db, { today: shanghaiDate(config.clock.now()) });
    console.log(`已生成演示街道 Demo street seeded: ${JSON.stringify(summary)}`);
  }
  const app = await buildApp({ db: database.db, logger: true, secureCookies: config.secureCookies, clock: config.clock });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  console.log(`江湾 Jiangwan: http://${config.host}:${config.port}  (${database.kind}: ${database.location})`);
  return app;
}
