/** The work list's fault items: open reports, and those with no one on site past the limit. */
import { and, eq, isNull } from 'drizzle-orm';
import { shanghaiDate } from '../../../core/clock.ts';
import { FAULT_KIND_LABELS } from '../../../core/faults.ts';
import type { Access } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { lifts } from '../lifts/schema.ts';
import { liftScope } from '../lifts/service.ts';
import { liftProjects } from '../projects/schema.ts';
import { liftFaults } from './schema.ts';
import { presentFault } from './service.ts';

export async function faultWorkItems(db: Queryable, access: Access) {
  const rows = await db
    .select({ f: liftFaults, projectName: liftProjects.name })
    .from(liftFaults)
    .innerJoin(lifts, eq(lifts.id, liftFaults.liftId))
    .innerJoin(liftProjects, eq(liftProjects.id, liftFaults.projectId))
    .where(and(liftScope(access), isNull(liftFaults.closedAt)));
  return rows.map(({ f, projectName }) => {
    const shown = presentFault(f, projectName, access, false);
    const late = shown.response.overdue;
    return {
      kind: late ? ('fault_overdue' as const) : ('open_fault' as const),
      projectId: f.projectId,
      projectName,
      title: `${FAULT_KIND_LABELS[f.kind].zh} ${f.ref}${late ? `：超过 ${shown.response.onSiteLimit} 分钟未到场` : ''}${f.description ? `：${f.description.slice(0, 40)}` : ''}`,
      date: shanghaiDate(f.reportedAt),
      refId: f.id,
    };
  });
}
