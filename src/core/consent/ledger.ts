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
