import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Queryable } from './db/client.ts';
import { secretChecks } from './db/platform-schema.ts';
import { StartupRefusal } from './refusal.ts';

/*
 * The server secret: key material that is never stored in the database, so that a copy of the
 * database (a stolen backup, a read-only SQL account) does not hold what it protects. Household
 * codes are looked up by an HMAC under it and kept for reprinting letters only encrypted under it
 * (platform/code-keys.ts). Each use gets its own key, derived with HKDF.
 *
 * Where it comes from (docs/operations.md "The server secret"):
 *   JW_SECRET       the secret itself (at least 32 characters, e.g. `openssl rand -base64 32`)
 *   JW_SECRET_FILE  a file holding it; created with mode 0600 when missing
 *   otherwise       JW_DATA_DIR/jiangwan.key, created with mode 0600 on first start
 * The database keeps only a check value (an HMAC of a constant) to refuse a secret that is not
 * the one its codes were sealed with.
 */

export const MIN_SECRET_LENGTH = 32;
export const DEFAULT_KEY_FILE = 'jiangwan.key';

export interface SecretSource {
  kind: 'env' | 'file' | 'given';
  /** the file, or the variable's name */
  location: string;
  /** true when this start created the key file */
  created: boolean;
}

export class ServerSecret {
  readonly #material: Buffer;
  private constructor(
    material: Buffer,
    readonly source: SecretSource,
  ) {
    this.#material = material;
  }

  /** From the secret's text (at least 32 characters). */
  static fromText(text: string, source: SecretSource = { kind: 'given', location: 'code', created: false }) {
    const trimmed = text.trim();
    if (trimmed.length < MIN_SECRET_LENGTH)
      throw new StartupRefusal(
        `服务器密钥（${source.location}）太短：至少 ${MIN_SECRET_LENGTH} 个字符，可用 openssl rand -base64 32 生成。`,
        `The server secret (${source.location}) is too short: at least ${MIN_SECRET_LENGTH} characters; generate one with openssl rand -base64 32.`,
      );
    return new ServerSecret(Buffer.from(trimmed, 'utf8'), source);
  }

  /** A key of its own for each purpose, so no two uses share a key. */
  key(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#material, 'jiangwan', `jiangwan/${purpose}`, 32));
  }

  /** What the database keeps to recognise this secret: reveals nothing of it. */
  checkValue(): string {
    return createHmac('sha256', this.key('check')).update('jiangwan secret check v1').digest('hex');
  }

  /** Never print the material by accident. */
  toJSON() {
    return { source: this.source };
  }
}

export interface SecretSettings {
  /** JW_SECRET */
  secret?: string | undefined;
  /** JW_SECRET_FILE */
  secretFile?: string | undefined;
  /** JW_DATA_DIR: the default key file lives there */
  dataDir: string;
}

/** Reads the secret from JW_SECRET or its file, creating the file (mode 0600) when missing. */
export function loadServerSecret(settings: SecretSettings): ServerSecret {
  if (settings.secret)
    return ServerSecret.fromText(settings.secret, { kind: 'env', location: 'JW_SECRET', created: false });
  const file = path.resolve(settings.secretFile || path.join(settings.dataDir, DEFAULT_KEY_FILE));
  let created = false;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a key another process has just written
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    created = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077)
    console.warn(
      `警告：密钥文件 ${file} 其他用户可读（权限 ${mode.toString(8)}），请执行 chmod 600 ${file}\n` +
        `Warning: the key file ${file} can be read by other users (mode ${mode.toString(8)}); run chmod 600 ${file}`,
    );
  return ServerSecret.fromText(readFileSync(file, 'utf8'), { kind: 'file', location: file, created });
}

/**
 * Refuses a secret other than the one this database's codes were sealed with (a second instance
 * with its own key file, a restored backup without its key, a typo in JW_SECRET); a database
 * without a check value takes this secret's.
 */
export async function checkServerSecret(db: Queryable, secret: ServerSecret) {
  const value = secret.checkValue();
  await db.insert(secretChecks).values({ name: 'server', checkValue: value }).onConflictDoNothing();
  const [row] = await db.select().from(secretChecks).where(eq(secretChecks.name, 'server'));
  if (row!.checkValue !== value)
    throw new StartupRefusal(
      `服务器密钥与数据库不符（${secret.source.location}）：数据库中的户码是用另一把密钥加密的。请恢复原来的密钥（JW_SECRET 或 JW_SECRET_FILE 指向的文件，默认 JW_DATA_DIR/${DEFAULT_KEY_FILE}）；多个实例须使用同一把密钥。若密钥确已丢失，运行 npx jiangwan key-lost --confirm 为所有住户重新发放户码。`,
      `The server secret (${secret.source.location}) does not match this database: its household codes were sealed with another key. Restore the original key (JW_SECRET, or the file JW_SECRET_FILE names, by default JW_DATA_DIR/${DEFAULT_KEY_FILE}); every instance needs the same key. If the key is really lost, run npx jiangwan key-lost --confirm to issue every household a new code.`,
    );
}
