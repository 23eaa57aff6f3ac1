/** Settings from the environment, in one place (README "Configuration"). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JW_DATA_DIR ?? './data',
    demo: env.JW_DEMO !== '0',
    secureCookies: env.JW_SECURE_COOKIES === '1',
  };
}
