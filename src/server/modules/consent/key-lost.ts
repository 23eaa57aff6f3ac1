import { and, asc, eq, isNull } from 'drizzle-orm';
import { committees } from '../registry/schema.ts';
import { type Actor } from '../../platform/actor.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import { secretChecks } from '../../platform/db/platform-schema.ts';
import type { ServerSecret } from '../../platform/secret.ts';
import type { CodeKeys } from '../../platform/code-keys.ts';
import { appendLedger, inLedgerTransaction } from './ledger.ts';
import { consultations, householdCodes } from './schema.ts';
import { issueCode } from './service.ts';

export const KEY_LOST_REASON = '服务器密钥丢失，户码重新发放 The server secret was lost; codes reissued';

/**
 * The server secret is lost: the codes sealed with it can be neither verified nor printed again.
 * The database takes the secret configured now, and every household with an active code gets a
 * new one under it (the old one revoked), as a lost letter would: in the ledger of a consultation
 * still open, and in the audit log. Staff then print every letter again (docs/operations.md).
 */
export async function replaceLostKey(db: Db, secret: ServerSecret, keys: CodeKeys, actor: Actor) {
  return inLedgerTransaction(db, async (tx) => {
    await tx
      .insert(secretChecks)
      .values({ name: 'server', checkValue: secret.checkValue() })
      .onConflictDoUpdate({ target: secretChecks.name, set: { checkValue: secret.checkValue() } });
    const affected = await tx
      .selectDistinct({
        id: consultations.id,
        status: consultations.status,
        projectId: consultations.projectId,
        committeeId: consultations.committeeId,
        streetId: committees.streetId,
      })
      .from(consultations)
      .innerJoin(
        householdCodes,
        and(eq(householdCodes.consultationId, consultations.id), isNull(householdCodes.revokedAt)),
      )
      .innerJoin(committees, eq(committees.id, consultations.committeeId))
      .orderBy(asc(consultations.id));
    let codes = 0;
    for (const c of affected) {
      await tx
        .select({ id: consultations.id })
        .from(consultations)
        .where(eq(consultations.id, c.id))
        .for('update');
      const revoked = await tx
        .update(householdCodes)
        .set({ revokedAt: actor.at, revokedReason: KEY_LOST_REASON })
        .where(and(eq(householdCodes.consultationId, c.id), isNull(householdCodes.revokedAt)))
        .returning({ groupId: householdCodes.groupId });
      await tx.insert(householdCodes).values(revoked.map((r) => issueCode(keys, c.id, r.groupId).row));
      // a closed consultation's ledger ends with its result; its codes still open the household page
      if (c.status === 'open')
        for (const r of revoked)
          await appendLedger(
            tx,
            c.id,
            'code_revoked',
            { group: r.groupId, reason: KEY_LOST_REASON, by: actor.name },
            actor.at,
          );
      await recordAudit(tx, actor, {
        action: 'reissue_code',
        entity: 'consultation',
        entityId: c.id,
        projectId: c.projectId,
        committeeId: c.committeeId,
        streetId: c.streetId,
        summary: KEY_LOST_REASON,
        after: { households: revoked.length, reason: KEY_LOST_REASON },
      });
      codes += revoked.length;
    }
    return { consultations: affected.length, codes };
  });
}
