import { hash, verify } from '@node-rs/argon2';

// argon2id with the library defaults (19 MiB, t=2): ~7 ms here, OWASP's minimum profile.
export const hashPassword = (plain: string) => hash(plain);

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}
