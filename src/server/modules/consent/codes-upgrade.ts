import { sql } from 'drizzle-orm';
import { normaliseCode } from '../../../core/consent/codes.ts';
import { SEALED_PREFIX, type CodeKeys } from '../../platform/code-keys.ts';
import type { Db } from '../../platform/db/client.ts';
import { householdCodes } from './schema.ts';

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
      await tx.execute(
        sql`select id, consultation_id, group_id, code_sealed from ${householdCodes} where code_sealed not like ${`${SEALED_PREFIX}%`} for update`,
      ),
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
