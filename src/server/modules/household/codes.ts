/**
 * Household codes (户码) as a credential: the gate that slows and refuses wrong codes, and the
 * household a right one belongs to. Every household-code route — the vote page here, the cost
 * share (money) and the notices (notices) — finds its household through resolveCode.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { PresentedCode } from '../../platform/code-keys.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { Visitor } from '../../platform/http.ts';
import {
  countFailure,
  throttleState,
  type ThrottlePolicy,
  type ThrottleState,
} from '../../platform/throttle.ts';
import { consultations, electorGroups, householdCodes } from '../consent/schema.ts';
import { liftProjects } from '../projects/schema.ts';

/*
 * Household codes are throttled on wrong answers only: a right code resolves whatever other
 * codes failed from the same address (a community centre's network, a carrier's shared IP), and
 * only an address over its hard ceiling is refused before its code is looked up. A wrong code
 * names no consultation, but each one is a guess at every consultation at once, so a ceiling on
 * wrong codes everywhere bounds the guessing against each (docs/architecture.md, Consent).
 */

/** Wrong codes from one address: 10 free, then a wait of 1, 2, 4 … s up to a minute that a wrong code's answer tells. */
export const CODE_THROTTLE: ThrottlePolicy = {
  kind: 'code',
  free: 10,
  maxWaitSeconds: 60,
  forgetAfterSeconds: 3600,
};
/** Wrong codes from one address (forgotten an hour after the last) beyond which every code from it is refused. */
export const CODE_CEILING = 500;
/** Wrong codes from everywhere in one minute beyond which an address past its free ones is refused every code. */
export const CODES_PER_MINUTE = 300;
/** Counts wrong codes from everywhere, one key per minute. */
const CODES_EVERYWHERE: ThrottlePolicy = {
  kind: 'codes-per-minute',
  free: 0,
  maxWaitSeconds: 0,
  forgetAfterSeconds: 120,
};
const minuteOf = (now: Date) => now.toISOString().slice(0, 16);

export const wrongCode = () =>
  new AppError(
    404,
    'wrong_code',
    '户码不正确，请核对信上的户码后重试',
    'This code is not correct; please check the code on your letter',
    'code',
  );

const wrongCodeAndWait = (retryAfter: number) =>
  new AppError(
    429,
    'code_throttled',
    `户码不正确。输错次数过多，请 ${retryAfter} 秒后再试，或联系居委会`,
    `This code is not correct, and too many wrong codes came from here; try again in ${retryAfter} seconds or ask your residents' committee`,
    'code',
    { retryAfter },
  );

const codesRefused = (retryAfter: number) =>
  new AppError(
    429,
    'code_throttled',
    `此网络输错户码过多，请 ${retryAfter} 秒后再试，或联系居委会`,
    `Too many wrong codes came from this network; try again in ${retryAfter} seconds or ask your residents' committee`,
    'code',
    { retryAfter },
  );

/** What decides whether an address's code is looked up at all, read as columns of a query. */
export interface CodeGateState {
  fromAddress: ThrottleState | null;
  everywhere: ThrottleState | null;
}

/** The CodeGateState columns for a client address (a value or a column of the query). */
export const codeGateColumns = (address: string | SQL, now: Date) =>
  sql`${throttleState(CODE_THROTTLE, { address }, now)} as "fromAddress", ${throttleState(CODES_EVERYWHERE, { address: '', subject: minuteOf(now) }, now)} as "everywhere"`;

/**
 * Null when the address's code may be looked up; otherwise the refusal. The ceiling is hard
 * (a right code is refused too), and drops to the free wrong codes while codes are being guessed
 * everywhere, until that minute ends.
 */
export function codeGate({ fromAddress, everywhere }: CodeGateState, now: Date): AppError | null {
  const guessedEverywhere = (everywhere?.failures ?? 0) >= CODES_PER_MINUTE;
  const ceiling = guessedEverywhere ? CODE_THROTTLE.free : CODE_CEILING;
  if (!fromAddress || fromAddress.failures < ceiling) return null;
  return codesRefused(guessedEverywhere ? 60 - now.getUTCSeconds() : fromAddress.forgottenIn);
}

/** Refuses the code of an address over its ceiling, before it is looked up. */
async function gateCode(db: Queryable, { ip, now }: Visitor) {
  const [state] = rowsOf<CodeGateState>(await db.execute(sql`select ${codeGateColumns(ip, now)}`));
  const refused = codeGate(state!, now);
  if (refused) throw refused;
}

/** Counts a wrong code from the address and everywhere; the answer says it is wrong, and to wait when it must. */
async function countWrongCode(db: Queryable, { ip, now }: Visitor): Promise<AppError> {
  const fromAddress = await countFailure(db, CODE_THROTTLE, { address: ip }, now);
  await countFailure(db, CODES_EVERYWHERE, { address: '', subject: minuteOf(now) }, now);
  return fromAddress!.retryAfter > 0 ? wrongCodeAndWait(fromAddress!.retryAfter) : wrongCode();
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Finds the household of a code (by its MAC, code-keys.ts); a wrong code says so and nothing more. */
export async function resolveCode(db: Queryable, code: PresentedCode, visitor: Visitor) {
  await gateCode(db, visitor);
  const [row] = code.mac
    ? await db
        .select({ hc: householdCodes, g: electorGroups, c: consultations, projectName: liftProjects.name })
        .from(householdCodes)
        .innerJoin(electorGroups, eq(electorGroups.id, householdCodes.groupId))
        .innerJoin(consultations, eq(consultations.id, householdCodes.consultationId))
        .innerJoin(liftProjects, eq(liftProjects.id, consultations.projectId))
        .where(eq(householdCodes.codeMac, code.mac))
    : [];
  if (!row) throw await countWrongCode(db, visitor);
  return row;
}
