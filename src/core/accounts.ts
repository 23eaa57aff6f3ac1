/**
 * Password rules shared by the server (which enforces them) and the web (which says them before
 * sending), after OWASP ASVS 4.0 section 2.1: at least 12 characters (2.1.1), at least 64 allowed
 * (2.1.2; we allow 128), no composition rules (2.1.9), spaces and any Unicode allowed and nothing
 * trimmed or truncated (2.1.3, 2.1.4). The check against breached and common passwords (2.1.7)
 * needs a dictionary and runs on the server only (platform/password-policy.ts).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Length as a person counts it: Unicode code points, so 汉字 and emoji count one each. */
export const passwordLength = (password: string) => [...password].length;

/** Whom a password must not contain (ASVS 2.1.7's context-specific words). */
export interface PasswordOwner {
  username: string;
  displayName?: string;
}
