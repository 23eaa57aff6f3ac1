import { randomInt } from 'node:crypto';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordLength,
  type PasswordOwner,
} from '../../core/accounts.ts';
import { badInput } from '../../core/errors.ts';

/**
 * What a new password must pass (ASVS 2.1), checked on every password a person chooses: a new
 * account's, a reset's given one, a change of one's own. Existing passwords are never re-judged,
 * so accounts made under the older 8-character rule keep logging in until they change it.
 *
 * Breached and common passwords (2.1.7): zxcvbn-ts with its common dictionary (about 30,000 of
 * the passwords most often found in breaches, plus keyboard patterns, sequences, repeats, dates
 * and l33t or near-miss spellings of them), our own words (the product, the place, the published
 * demo password's stem) and the person's own username and display name. A password that is one
 * of the list, or estimated to fall to fewer than 10⁸ guesses, is refused; so is one containing
 * the username or display name.
 */

/** Words anyone attacking this product tries first: its name, its place, its domain. */
const PRODUCT_WORDS = [
  'jiangwan',
  'hongkou',
  'shanghai',
  'jiangwanzhen',
  'dianti',
  'jiazhuangdianti',
  'jiajiale',
  'jiangwan2026',
  'elevator',
  'lift',
];

let estimator: ZxcvbnFactory | null = null;
/** Built on first use (about 0.1 s: the dictionaries are ranked once). */
function zxcvbn() {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, product: PRODUCT_WORDS },
    graphs: adjacencyGraphs,
    // near misses of listed passwords ("passwrod") count as the listed ones
    useLevenshteinDistance: true,
  });
  return estimator;
}

/** zxcvbn's score 3: at least 10⁸ guesses, beyond an online attack slowed by the login throttle. */
const MIN_SCORE = 3;

/** Does the whole password match one entry of the breached-password list (as typed, reversed, l33t or a near miss)? */
function isListed(result: ZxcvbnResult): boolean {
  const [only] = result.sequence;
  return (
    result.sequence.length === 1 &&
    only!.pattern === 'dictionary' &&
    (only as { dictionaryName?: string }).dictionaryName === 'passwords-common'
  );
}

const contains = (password: string, word: string | undefined, min: number) => {
  const w = word?.trim().toLowerCase().replace(/\s+/g, '') ?? '';
  return w.length >= min && password.toLowerCase().replace(/\s+/g, '').includes(w);
};

/** Refuses a new password with a 400 naming `field`, in Chinese and English; returns nothing when it may be used. */
export function checkNewPassword(password: string, owner: PasswordOwner, field = 'password') {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH)
    throw badInput(
      field,
      `密码至少 ${PASSWORD_MIN_LENGTH} 个字符（可以是几个词组成的短语，空格也算）`,
      `The password must have at least ${PASSWORD_MIN_LENGTH} characters (a phrase of a few words works; spaces count)`,
    );
  if (length > PASSWORD_MAX_LENGTH)
    throw badInput(
      field,
      `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`,
      `The password can have at most ${PASSWORD_MAX_LENGTH} characters`,
    );
  if (contains(password, owner.username, 3))
    throw badInput(field, '密码不能包含用户名', 'The password must not contain the username');
  if (contains(password, owner.displayName, 2))
    throw badInput(field, '密码不能包含姓名或显示名称', 'The password must not contain the display name');
  const result = zxcvbn().check(password, [
    owner.username,
    ...(owner.displayName ? [owner.displayName] : []),
  ]);
  if (isListed(result))
    throw badInput(
      field,
      '这是常见密码或已在数据泄露中出现过的密码，请换一个',
      'This password is common or has appeared in data breaches; choose another',
    );
  if (result.score < MIN_SCORE)
    throw badInput(
      field,
      '密码太容易被猜到（常见词、日期、键盘顺序、重复或本系统名称的组合）。请用几个不相关的词组成较长的短语',
      'The password is too easy to guess (common words, dates, keyboard runs, repeats or this product’s name). Use a longer phrase of a few unrelated words',
    );
}

/** 32 symbols without look-alikes (no 0/o, 1/l). */
const ALPHABET = '23456789abcdefghijkmnpqrstuvwxyz';

/** A temporary password for a reset: 16 random symbols in groups of four (about 80 bits), e.g. "k7fq-m2xw-9pt4-hc3e". */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  );
  return groups.join('-');
}
