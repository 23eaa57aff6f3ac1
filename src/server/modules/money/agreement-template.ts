/**
 * The street's wording of the owners' agreement: read by its staff, edited and reset by its street
 * admin. Every change is audited with what it was and counts a version.
 */
import { eq, sql } from 'drizzle-orm';
import { agreementProblem, DEFAULT_AGREEMENT, type AgreementTemplate } from '../../../core/agreement.ts';
import { badInput } from '../../../core/errors.ts';
import { assertRole, type Access } from '../../platform/access.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import { callerStreetId } from '../projects/templates.ts';
import { agreementTemplates } from './schema.ts';

export interface StreetAgreement extends AgreementTemplate {
  isDefault: boolean;
  version: number;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** The street's agreement template, or core's default until its admin edits it (or after a reset). */
export async function agreementTemplateOfStreet(db: Queryable, streetId: string, lock = false) {
  const query = db.select().from(agreementTemplates).where(eq(agreementTemplates.streetId, streetId));
  const [row] = lock ? await query.for('update') : await query;
  const edited = !!row?.clauses && !!row.amendQuorum;
  return {
    clauses: edited ? row.clauses! : DEFAULT_AGREEMENT.clauses,
    amendQuorum: edited ? row.amendQuorum! : DEFAULT_AGREEMENT.amendQuorum,
    isDefault: !edited,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedByName ?? null,
  } satisfies StreetAgreement;
}

export const agreementTemplateOfCaller = (db: Queryable, access: Access) =>
  agreementTemplateOfStreet(db, callerStreetId(access));

/** Saves the wording (null: back to the default); the row is locked so the version and the audit's "before" hold. */
async function write(db: Db, access: Access, next: AgreementTemplate | null) {
  assertRole(access, 'street_admin');
  const streetId = access.user.streetId!;
  return db.transaction(async (tx) => {
    const before = await agreementTemplateOfStreet(tx, streetId, true);
    const values = {
      clauses: next?.clauses ?? null,
      amendQuorum: next?.amendQuorum ?? null,
      updatedByName: access.user.displayName,
      updatedAt: access.now,
    };
    await tx
      .insert(agreementTemplates)
      .values({ streetId, ...values, version: 1 })
      .onConflictDoUpdate({
        target: agreementTemplates.streetId,
        set: { ...values, version: sql`${agreementTemplates.version} + 1` },
      });
    const after = await agreementTemplateOfStreet(tx, streetId);
    const shown = (t: AgreementTemplate) => ({ clauses: t.clauses, amendQuorum: t.amendQuorum });
    await recordAudit(tx, access.actor, {
      action: next ? 'update' : 'reset',
      entity: 'agreement_template',
      entityId: streetId,
      streetId,
      summary: `协议书模板第 ${after.version} 版${next ? '' : '（恢复默认）'}`,
      ...changedFields(shown(before), shown(after)),
    });
    return after;
  });
}

export function saveAgreementTemplate(db: Db, access: Access, template: AgreementTemplate) {
  assertRole(access, 'street_admin'); // who may, before what is wrong with it
  const problem = agreementProblem(template);
  if (problem) throw badInput(problem.field, problem.zh, problem.en);
  return write(db, access, template);
}

export const resetAgreementTemplate = (db: Db, access: Access) => write(db, access, null);
