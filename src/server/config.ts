import { clockStartingAt, systemClock, type Clock } from '../core/clock.ts';

/** Settings from the environment, in one place (README "Configuration"). */
export interface Config {
  /** the system clock, or one started at JW_CLOCK_START (browser tests, trying the product at another date) */
  clock: Clock;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    clock: env.JW_CLOCK_START ? clockStartingAt(env.JW_CLOCK_START) : systemClock,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JW_DATA_DIR ?? './data',
    demo: env.JW_DEMO !== '0',
    secureCookies: env.JW_SECURE_COOKIES === '1',
  };
}
