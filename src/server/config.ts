import { clockStartingAt, systemClock, type Clock } from '../core/clock.ts';
import { StartupRefusal } from './platform/refusal.ts';

/** Settings from the environment, in one place (README "Configuration"). */
export interface Config {
  /** the system clock, or one started at JW_CLOCK_START (browser tests, trying the product at another date) */
  clock: Clock;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /**
   * The session cookie is Secure on every answer: JW_SECURE_COOKIES=1, or JW_PUBLIC_URL starting
   * with https. Otherwise it is Secure on the answers to requests that came over HTTPS, which
   * behind a trusted proxy (JW_TRUST_PROXY) is what X-Forwarded-Proto says.
   */
  secureCookies: boolean;
  /** Fastify's trustProxy: JW_TRUST_PROXY=1 trusts any proxy; a list of addresses/CIDRs trusts those */
  trustProxy: boolean | string;
  /** JW_PUBLIC_URL: the address people open, e.g. https://lift.example.org */
  publicUrl: string | undefined;
  /** JW_ALLOW_HTTP=1: serve other hosts over plain HTTP on purpose (a trusted LAN) */
  allowHttp: boolean;
  /** JW_SECRET / JW_SECRET_FILE: the server secret (platform/secret.ts) */
  secret: string | undefined;
  secretFile: string | undefined;
}

function trustProxyOf(value: string | undefined): boolean | string {
  const v = value?.trim();
  if (!v || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return v; // addresses or CIDRs, comma-separated (Fastify trustProxy)
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = env.JW_PUBLIC_URL?.trim() || undefined;
  return {
    clock: env.JW_CLOCK_START ? clockStartingAt(env.JW_CLOCK_START) : systemClock,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JW_DATA_DIR ?? './data',
    demo: env.JW_DEMO !== '0',
    secureCookies: env.JW_SECURE_COOKIES === '1' || Boolean(publicUrl?.toLowerCase().startsWith('https://')),
    trustProxy: trustProxyOf(env.JW_TRUST_PROXY),
    publicUrl,
    allowHttp: env.JW_ALLOW_HTTP === '1',
    secret: env.JW_SECRET || undefined,
    secretFile: env.JW_SECRET_FILE || undefined,
  };
}

/** Only this machine can connect: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string) {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h === '::ffff:127.0.0.1';
}

/**
 * Refuses to serve other machines over plain HTTP by accident: listening beyond loopback needs a
 * way for the session cookie to be Secure (HTTPS at a trusted proxy, an https public URL, or
 * JW_SECURE_COOKIES=1), or JW_ALLOW_HTTP=1 said on purpose.
 */
export function checkTransport(
  config: Pick<Config, 'host' | 'secureCookies' | 'trustProxy' | 'publicUrl' | 'allowHttp'>,
) {
  if (config.publicUrl && !/^https?:\/\/[^/\s]+/i.test(config.publicUrl))
    throw new StartupRefusal(
      `JW_PUBLIC_URL（${config.publicUrl}）不是网址，应形如 https://lift.example.org`,
      `JW_PUBLIC_URL (${config.publicUrl}) is not a URL; it should look like https://lift.example.org`,
    );
  if (isLoopback(config.host) || config.secureCookies || config.trustProxy || config.allowHttp) return;
  throw new StartupRefusal(
    `拒绝启动：HOST=${config.host} 会让其他电脑通过未加密的 HTTP 访问，登录密码和会话 Cookie 会以明文传输。请在 HTTPS 反向代理后运行，并设置 JW_TRUST_PROXY=1（Cookie 随 X-Forwarded-Proto 自动加 Secure）或 JW_PUBLIC_URL=https://你的域名；只在本机使用请去掉 HOST（默认 127.0.0.1）；确实要在可信的内网用 HTTP，请设置 JW_ALLOW_HTTP=1。`,
    `Refusing to start: HOST=${config.host} serves other machines over plain HTTP, so passwords and the session cookie would travel in clear. Serve HTTPS at a reverse proxy and set JW_TRUST_PROXY=1 (the cookie is then Secure whenever X-Forwarded-Proto says https) or JW_PUBLIC_URL=https://your.domain; for this machine only, leave HOST unset (127.0.0.1); to use plain HTTP on a trusted LAN on purpose, set JW_ALLOW_HTTP=1.`,
  );
}
