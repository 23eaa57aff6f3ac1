import { eq } from 'drizzle-orm';
import { DEFAULT_APPROVAL_STEPS, type ApprovalStepTemplate } from '../../../core/approvals.ts';
import { DEFAULT_METHOD, type MethodGroup } from '../../../core/method.ts';
import { assertRole, type Access } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import { committees } from '../registry/schema.ts';
import { streetTemplates } from './schema.ts';

export interface StreetTemplate {
  method: MethodGroup[];
  approvalSteps: ApprovalStepTemplate[];
  isDefault: boolean;
}

/** The street's method and approval templates, or the defaults of core until an admin edits them. */
export async function templateOfStreet(db: Queryable, streetId: string): Promise<StreetTemplate> {
  const [row] = await db.select().from(streetTemplates).where(eq(streetTemplates.streetId, streetId));
  return row ? { method: row.method, approvalSteps: row.approvalSteps, isDefault: false } : { method: DEFAULT_METHOD, approvalSteps: DEFAULT_APPROVAL_STEPS, isDefault: true };
}

export async function templateOfCommittee(db: Queryable, committeeId: string) {
  const [c] = await db.select({ streetId: committees.streetId }).from(committees).where(eq(committees.id, committeeId));
  return templateOfStreet(db, c!.streetId);
}

/** A street admin edits the templates; projects created afterwards copy them, existing ones keep theirs. */
export async function saveTemplate(db: Db, access: Access, patch: { method?: MethodGroup[] | undefined; approvalSteps?: ApprovalStepTemplate[] | undefined }) {
  assertRole(access, 'street_admin');
  const streetId = access.user.streetId!;
  return db.transaction(async (tx) => {
    const before = await templateOfStreet(tx, streetId);
    const next = { method: patch.method ?? before.method, approvalSteps: patch.approvalSteps ?? before.approvalSteps };
    await tx.insert(streetTemplates).values({ streetId, ...next }).onConflictDoUpdate({ target: streetTemplates.streetId, set: { ...next, updatedAt: new Date() } });
    await recordAudit(tx, access.actor, { action: 'update', entity: 'street_template', entityId: streetId, streetId, before: { method: before.method, approvalSteps: before.approvalSteps }, after: next });
    return { ...next, isDefault: false };
  });
}
