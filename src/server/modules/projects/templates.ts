import { eq } from 'drizzle-orm';
import { DEFAULT_APPROVAL_STEPS, type ApprovalStepTemplate } from '../../../core/approvals.ts';
import { DEFAULT_METHOD, type MethodGroup } from '../../../core/method.ts';
import { DEFAULT_SCHEME_PRESETS, type SchemePreset } from '../../../core/money/schemes.ts';
import { SUBSIDY_RULES, type SubsidyRule } from '../../../core/money/subsidy.ts';
import { forbidden } from '../../../core/errors.ts';
import { assertRole, type Access } from '../../platform/access.ts';
import { changedFields, recordAudit } from '../audit/record.ts';
import type { Db, Queryable, Tx } from '../../platform/db/client.ts';
import { committees } from '../registry/schema.ts';
import { approvalSteps, checklistItems, streetTemplates } from './schema.ts';

export interface StreetTemplate {
  method: MethodGroup[];
  approvalSteps: ApprovalStepTemplate[];
  subsidyRules: SubsidyRule[];
  schemePresets: SchemePreset[];
  isDefault: boolean;
}

/** The street's method and approval templates, or the defaults of core until an admin edits them. */
export async function templateOfStreet(db: Queryable, streetId: string): Promise<StreetTemplate> {
  const [row] = await db.select().from(streetTemplates).where(eq(streetTemplates.streetId, streetId));
  return {
    method: row?.method ?? DEFAULT_METHOD,
    approvalSteps: row?.approvalSteps ?? DEFAULT_APPROVAL_STEPS,
    subsidyRules: row?.subsidyRules ?? [...SUBSIDY_RULES],
    schemePresets: row?.schemePresets ?? DEFAULT_SCHEME_PRESETS,
    isDefault: !row,
  };
}

/** The templates of the caller's street (a street admin's, or their committee's street). */
export async function templateOfCaller(db: Queryable, access: Access): Promise<StreetTemplate> {
  return templateOfStreet(db, callerStreetId(access));
}

/** The street whose templates the caller reads: a street admin's, or their committee's street. */
export function callerStreetId(access: Access): string {
  const streetId = access.user.streetId ?? access.streetOf.get(access.user.committeeId ?? '') ?? null;
  if (!streetId) throw forbidden();
  return streetId;
}

export async function templateOfCommittee(db: Queryable, committeeId: string) {
  const [c] = await db
    .select({ streetId: committees.streetId })
    .from(committees)
    .where(eq(committees.id, committeeId));
  return templateOfStreet(db, c!.streetId);
}

/** A street admin edits the templates; projects created afterwards copy them, existing ones keep theirs. */
export interface TemplatePatch {
  method?: MethodGroup[] | undefined;
  approvalSteps?: ApprovalStepTemplate[] | undefined;
  subsidyRules?: SubsidyRule[] | undefined;
  schemePresets?: SchemePreset[] | undefined;
}

export async function saveTemplate(db: Db, access: Access, patch: TemplatePatch) {
  assertRole(access, 'street_admin');
  const streetId = access.user.streetId!;
  return db.transaction(async (tx) => {
    const before = await templateOfStreet(tx, streetId);
    const next = {
      method: patch.method ?? before.method,
      approvalSteps: patch.approvalSteps ?? before.approvalSteps,
      subsidyRules: patch.subsidyRules ?? before.subsidyRules,
      schemePresets: patch.schemePresets ?? before.schemePresets,
    };
    await tx
      .insert(streetTemplates)
      .values({ streetId, ...next })
      .onConflictDoUpdate({ target: streetTemplates.streetId, set: { ...next, updatedAt: access.now } });
    const { isDefault: _d, ...previous } = before;
    await recordAudit(tx, access.actor, {
      action: 'update',
      entity: 'street_template',
      entityId: streetId,
      streetId,
      ...changedFields(previous, next),
    });
    return { ...next, isDefault: false };
  });
}

/** Copies the street's templates into a new project (called in its creating transaction). */
export async function copyTemplates(tx: Tx, projectId: string, committeeId: string) {
  const t = await templateOfCommittee(tx, committeeId);
  let position = 0;
  const items = t.method.flatMap((g) =>
    g.items.map((i) => ({
      projectId,
      groupKey: g.key,
      groupName: g.name,
      itemKey: i.key,
      text: i.text,
      stage: i.stage,
      position: position++,
    })),
  );
  if (items.length) await tx.insert(checklistItems).values(items);
  const steps = t.approvalSteps.map((s, i) => ({
    projectId,
    position: i,
    key: s.key,
    name: s.name,
    agency: s.agency,
    documents: s.documents,
    limitDays: s.limitDays,
    dayKind: s.dayKind,
    optional: s.optional,
  }));
  if (steps.length) await tx.insert(approvalSteps).values(steps);
}
