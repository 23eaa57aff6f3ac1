/**
 * The receipt number (回执号) an owner holds after voting: the first 16 hex digits (64 bits) of
 * the ballot's ledger event hash, shown as four groups of four capitals ("9F3A 1C2B 77DE 0A41")
 * on the receipt, in the staff ledger and on the certificate. Short enough to read out over the
 * phone and to type on the public check page; long enough that it cannot be guessed (about 2⁶⁴
 * tries for any one receipt, and the public check is throttled) and that no other event can be
 * made to carry it. The ledger keeps the whole hash.
 */
import { TYPED_SEPARATORS } from './codes.ts';

export const RECEIPT_DIGITS = 16;

/** The receipt number of a ledger event hash (or of a receipt number), in lower-case hex. */
export const receiptOf = (hash: string) => hash.slice(0, RECEIPT_DIGITS).toLowerCase();

/** "9F3A 1C2B 77DE 0A41": how every page writes a receipt number. */
export const formatReceipt = (hashOrReceipt: string) =>
  (
    receiptOf(hashOrReceipt)
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');

export type ReceiptCheck =
  | { ok: true; hex: string }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'char'; char: string }
  | { ok: false; reason: 'length'; length: number };

/**
 * What was typed or pasted, as lower-case hex: full-width characters and separators are
 * forgiven, and so are O for 0 and I or L for 1 (hex has no such letters). Whole receipts
 * (the public check) have 16 digits; a search may give fewer. Up to 64 digits (a whole hash).
 */
export function readReceipt(input: string, opts: { whole: boolean }): ReceiptCheck {
  const typed = input
    .normalize('NFKC')
    .replace(TYPED_SEPARATORS, '')
    .toLowerCase()
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  if (!typed) return { ok: false, reason: 'empty' };
  const bad = [...typed].find((c) => !/[0-9a-f]/.test(c));
  if (bad) return { ok: false, reason: 'char', char: bad };
  if (typed.length > 64 || (opts.whole && typed.length < RECEIPT_DIGITS))
    return { ok: false, reason: 'length', length: typed.length };
  return { ok: true, hex: typed };
}
