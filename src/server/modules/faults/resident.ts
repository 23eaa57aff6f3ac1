/** Faults on the household-code page: the household's lift, its reports and a new one. */
import { AppError } from '../../../core/errors.ts';
import { householdActor } from '../../platform/actor.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import type { Db, Queryable } from '../../platform/db/client.ts';
import type { Visitor } from '../../platform/http.ts';
import { resolveCode } from '../household/codes.ts';
import { LIFT_EMERGENCY_PHONE } from '../../../core/faults.ts';
import type { FaultReportInput } from './contract.ts';
import { shanghaiDate } from '../../../core/clock.ts';
import { ownersUpkeepOf } from '../lifts/upkeep.ts';
import { householdReports, insertHouseholdFault, liftOfProject } from './service.ts';

async function household(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const found = await resolveCode(db, code, visitor);
  if (found.hc.revokedAt)
    throw new AppError(
      410,
      'code_revoked',
      '这封信的户码已作废，请使用居委会补发的新信上的户码',
      'The code on this letter has been cancelled; please use the code on the new letter',
      'code',
    );
  return found;
}

/** The household's lift (null before it is in service) with its own reports and the lift's open ones. */
export async function residentFaults(db: Queryable, code: PresentedCode, visitor: Visitor) {
  const { g, c } = await household(db, code, visitor);
  const lift = await liftOfProject(db, c.projectId);
  if (!lift) return { lift: null, reports: [] };
  return {
    lift: {
      liftName: lift.projectName,
      emergencyPhone: LIFT_EMERGENCY_PHONE,
      upkeep: await ownersUpkeepOf(db, lift.lift, shanghaiDate(visitor.now)),
    },
    reports: await householdReports(db, lift.lift.id, lift.projectName, g.id),
  };
}

/** A household reports a fault or an entrapment on its lift. */
export async function residentReport(db: Db, code: PresentedCode, visitor: Visitor, input: FaultReportInput) {
  const { g, c } = await household(db, code, visitor);
  return db.transaction(async (tx) => {
    const lift = await liftOfProject(tx, c.projectId);
    if (!lift)
      throw new AppError(
        404,
        'no_lift',
        '本户所在项目的电梯尚未投入使用',
        'Your project’s lift is not in service yet',
        'code',
      );
    return insertHouseholdFault(
      tx,
      householdActor(g.id, visitor.now),
      lift,
      { groupId: g.id, label: g.label },
      input,
    );
  });
}
