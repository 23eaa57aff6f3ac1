import type { Clock } from '../../core/clock.ts';
import type { CodeKeys } from './code-keys.ts';
import type { Db } from './db/client.ts';

/**
 * What every module's routes are given by the app (app.ts builds it). It lives in the platform so
 * that route files never import app.ts, which imports them.
 */
export interface AppContext {
  db: Db;
  /** the one source of now (requests carry their instant as req.now) */
  clock: Clock;
  /** the session cookie is Secure on every answer (otherwise on answers to requests that came over HTTPS) */
  secureCookies: boolean;
  /** looks up and seals household codes with keys from the server secret (platform/code-keys.ts) */
  codeKeys: CodeKeys;
  /** JW_PUBLIC_URL, the address owners open: the letters' QR codes point there; unset, at the request's own address */
  publicUrl: string | undefined;
}
