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
  const plain = [...input.normalize('NFKC').replace(TYPED_SEPARATORS, '')];
  const digits = plain.map((c) => c.toLowerCase().replace('o', '0').replace(/[il]/, '1'));
  const typed = digits.join('');
  if (!typed) return { ok: false, reason: 'empty' };
  const bad = digits.findIndex((c) => !/^[0-9a-f]$/.test(c));
  // the character as the person typed it
  if (bad >= 0) return { ok: false, reason: 'char', char: plain[bad]! };
  if (typed.length > 64 || (opts.whole && typed.length < RECEIPT_DIGITS))
    return { ok: false, reason: 'length', length: typed.length };
  return { ok: true, hex: typed };
}
