/** What the lifecycle's stage gates ask of a project's notices (noticeFacts). */
import type { ObjectionStatus } from '../../../core/notices.ts';
import { and, count, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notices, objections } from './schema.ts';
import { UNRESOLVED } from '../../../core/notices.ts';

// ---------------------------------------------------------------- facts for the lifecycle

export interface NoticeFacts {
  /** a posted, non-superseded consultation-result notice whose last day is before today */
  resultNoticeEnded: boolean;
  /** the same for a design-scheme notice (its last day is the feedback period's, when it has one) */
  designNoticeEnded: boolean;
  /**
   * Objections of the project (on any of its notices, superseded ones included) not yet resolved:
   * status open (no answer), answered (answered but the objector does not accept), or escalated
   * (its mediation case is still open). Resolved are: settled (answered and accepted, or its
   * mediation case closed as agreed) and withdrawn (its mediation case closed as withdrawn). A
   * mediation that closes as failed or partially agreed leaves the objection unresolved.
   */
  openObjections: number;
  /** of openObjections, those without any answer yet */
  unansweredObjections: number;
  /** of openObjections, those in an open mediation case */
  objectionsInMediation: number;
}

/** Facts the project lifecycle checks; `today` is the Shanghai date (given in tests). */
export async function noticeFacts(db: Queryable, projectId: string, today: string): Promise<NoticeFacts> {
  const ended = await db
    .select({ kind: notices.kind })
    .from(notices)
    .where(
      and(
        eq(notices.projectId, projectId),
        eq(notices.status, 'posted'),
        isNull(notices.supersededById),
        lt(notices.endsOn, today),
      ),
    );
  const byStatus = await db
    .select({ status: objections.status, n: count() })
    .from(objections)
    .where(and(eq(objections.projectId, projectId), inArray(objections.status, UNRESOLVED)))
    .groupBy(objections.status);
  const n = (s: ObjectionStatus) => byStatus.find((r) => r.status === s)?.n ?? 0;
  return {
    resultNoticeEnded: ended.some((r) => r.kind === 'consultation_result'),
    designNoticeEnded: ended.some((r) => r.kind === 'design_scheme'),
    openObjections: n('open') + n('answered') + n('escalated'),
    unansweredObjections: n('open'),
    objectionsInMediation: n('escalated'),
  };
}
