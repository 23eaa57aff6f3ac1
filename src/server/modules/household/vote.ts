/** What a household's code shows on the vote page (/r/<code>). */
import { eq } from 'drizzle-orm';
import { formatAreaM2 } from '../../../core/area.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { Visitor } from '../../platform/http.ts';
import type { ResidentView } from '../consent/contract.ts';
import { materialsOf, readMaterial } from '../consent/materials.ts';
import { ballots } from '../consent/schema.ts';
import { resolveCode } from './codes.ts';

/** What the resident page shows for a code. */
export async function residentView(
  db: Queryable,
  code: PresentedCode,
  visitor: Visitor,
): Promise<ResidentView> {
  const { hc, g, c, projectName } = await resolveCode(db, code, visitor);
  const [current] = await db.select().from(ballots).where(eq(ballots.groupId, g.id));
  const state = hc.revokedAt ? 'revoked' : c.status === 'closed' ? 'closed' : 'open';
  return {
    state,
    project: projectName,
    consultation: {
      kind: c.kind,
      title: c.title,
      question: c.question,
      documentsSummary: c.documentsSummary,
      // a lost letter's finder may read what was put before every owner: nothing of the household
      materials: await materialsOf(db, c.id),
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      questions: c.questions,
      ruleName: c.rule?.name ?? null,
    },
    // whoever holds a revoked (lost) letter may not be the owner: show nothing of the household
    household: state === 'revoked' ? null : { label: g.label, areaM2: formatAreaM2(g.areaCenti) },
    ballot:
      current && state !== 'revoked'
        ? {
            choice: current.choice,
            answers: current.answers,
            channel: current.channel,
            confirmed: current.confirmed,
            castAt: current.castAt,
            receipt: current.ledgerHash,
          }
        : null,
    explanation: explain(state),
  };
}

export const REVOKED = {
  zh: '这封信的户码已作废，居委会已为您补发新信，请使用新信上的户码。',
  en: 'The code on this letter has been cancelled and a new letter issued; please use the code on the new letter.',
};
export const CLOSED = {
  zh: '本次征询已结束，不能再投票。结果会在小区公示。',
  en: 'This consultation has closed; voting is no longer possible. The result will be posted in the estate.',
};

function explain(state: string) {
  if (state === 'revoked') return REVOKED;
  if (state === 'closed') return CLOSED;
  return null;
}

/** A material of the code's consultation, to open on the phone (an image or a PDF). */
export async function residentMaterial(
  db: Queryable,
  code: PresentedCode,
  visitor: Visitor,
  documentId: string,
) {
  const { c } = await resolveCode(db, code, visitor);
  return readMaterial(db, c.id, documentId);
}
