import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { formatCode, normaliseCode } from '../../core/consent/codes.ts';
import { AppError } from '../../core/errors.ts';
import type { ServerSecret } from './secret.ts';

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

export const SEALED_PREFIX = 'v1.';
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

const boundTo = (p: CodePlace) =>
  Buffer.from(`jiangwan household code v1/${p.consultationId}/${p.groupId}`, 'utf8');

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
      const code = Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
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
