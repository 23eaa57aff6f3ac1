import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { formatCode, normaliseCode } from '../../../core/consent/codes.ts';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../platform/db/client.ts';
import type { ServerSecret } from '../../platform/secret.ts';
import { householdCodes } from './schema.ts';

/*
 * Household codes at rest (docs/architecture.md, "Household codes at rest"). The database keeps,
 * for each code, only
 *   code_mac     HMAC-SHA256 of the normalised code under a key derived from the server secret:
 *                what verifying needs. Codes have ≈ 59 bits, which an unkeyed hash would not
 *                protect from a GPU; without the secret there is nothing to test guesses against.
 *   code_sealed  the code under AES-256-GCM with another derived key, bound to its consultation
 *                and household (a sealed code moved to another row does not open), so staff can
 *                print a letter again.
 * The secret is not in the database (platform/secret.ts), so a copy of the database or of its
 * backup neither verifies nor reveals a code.
 */

const SEALED_PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A code as a resident presented it: its MAC, or null when it cannot be a code at all. */
export interface PresentedCode {
  mac: string | null;
}

/** Which household a sealed code belongs to (the additional data it is sealed with). */
export interface CodePlace {
  consultationId: string;
  groupId: string;
}

const boundTo = (p: CodePlace) => Buffer.from(`jiangwan household code v1/${p.consultationId}/${p.groupId}`, 'utf8');

export const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);

export class CodeKeys {
  readonly #macKey: Buffer;
  readonly #sealKey: Buffer;

  constructor(secret: ServerSecret) {
    this.#macKey = secret.key('household-code-mac');
    this.#sealKey = secret.key('household-code-seal');
  }

  /** The MAC of a normalised code (ABCD…, 12 characters), hex. */
  mac(normalised: string): string {
    return createHmac('sha256', this.#macKey).update(normalised).digest('hex');
  }

  /** What a lookup needs of a code typed or scanned by a resident. */
  present(raw: string): PresentedCode {
    const code = normaliseCode(raw);
    return { mac: code ? this.mac(code) : null };
  }

  /** The code encrypted for its household: "v1." + base64url(iv ‖ ciphertext ‖ tag). */
  seal(code: string, place: CodePlace): string {
    const normalised = normaliseCode(code);
    if (!normalised) throw new Error('not a household code');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#sealKey, iv);
    cipher.setAAD(boundTo(place));
    const body = Buffer.concat([cipher.update(normalised, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The code (XXXX-XXXX-XXXX) back from its sealed form; refuses one sealed elsewhere or altered. */
  open(sealed: string, place: CodePlace): string {
    try {
      if (!isSealed(sealed)) throw new Error('not sealed');
      const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.#sealKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(boundTo(place));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      const code = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      return formatCode(code);
    } catch {
      throw new AppError(
        500,
        'code_unreadable',
        '户码无法解密：服务器密钥与数据库不符，或数据被改动。请联系系统管理员。',
        'A household code cannot be decrypted: the server secret does not match the database, or the data was altered. Ask the system administrator.',
      );
    }
  }
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * The upgrade from codes kept in clear (before migration 0014, which renamed `code` to
 * `code_sealed` and `code_hash` to `code_mac`): each row still holding a clear code gets its MAC
 * and its sealed form, in one transaction, at the first start of this version (the key is not
 * known to SQL, so the migration cannot do it). The table is then rewritten (VACUUM FULL) so the
 * clear codes do not linger in its free space. Returns how many rows were converted.
 */
export async function sealClearCodes(db: Db, keys: CodeKeys): Promise<number> {
  const converted = await db.transaction(async (tx) => {
    const rows = rowsOf<{ id: string; consultation_id: string; group_id: string; code_sealed: string }>(
      await tx.execute(sql`select id, consultation_id, group_id, code_sealed from ${householdCodes} where code_sealed not like ${`${SEALED_PREFIX}%`} for update`),
    );
    if (!rows.length) return 0;
    const values = rows.map((r) => {
      const code = normaliseCode(r.code_sealed);
      if (!code) throw new Error(`household code ${r.id} is neither sealed nor a code`);
      const place = { consultationId: r.consultation_id, groupId: r.group_id };
      return { id: r.id, mac: keys.mac(code), sealed: keys.seal(code, place) };
    });
    await tx.execute(sql`
      update ${householdCodes} hc set code_mac = x.mac, code_sealed = x.sealed
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as x(id uuid, mac text, sealed text)
      where hc.id = x.id`);
    return rows.length;
  });
  if (converted) await db.execute(sql`vacuum full ${householdCodes}`);
  return converted;
}
