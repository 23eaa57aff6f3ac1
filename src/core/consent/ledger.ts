/**
 * Canonical JSON for the ballot ledger: object keys sorted at every level, no spaces, so the same
 * event always hashes the same, on any machine and after a database round trip.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerEventBody {
  consultationId: string;
  seq: number;
  kind: string;
  at: string;
  payload: unknown;
  prevHash: string;
}

/** What is hashed for one event. */
export const ledgerMessage = (e: LedgerEventBody) => canonicalJson(e);

/** What a ledger event records: the opening, a ballot cast online, changed online, entered by staff, confirmed by a second staff member, a code revoked, the closing. */
export const LEDGER_KINDS = [
  'open',
  'cast',
  'changed',
  'staff_entry',
  'confirmed',
  'code_revoked',
  'close',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The events that record a household's ballot: each gives a receipt (core/consent/receipts.ts). */
export const BALLOT_KINDS = [
  'cast',
  'changed',
  'staff_entry',
  'confirmed',
] as const satisfies readonly LedgerKind[];
