/**
 * Faults and entrapments of a lift in service (issue 12 item 4): what a report is, its timeline
 * (reported → acknowledged → on site → fixed → closed) and how its response times are measured
 * against the limits. Pure: shared by the server and the pages.
 */

export const FAULT_KINDS = ['entrapment', 'fault'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const FAULT_KIND_LABELS: Record<FaultKind, { zh: string; en: string }> = {
  entrapment: { zh: '困人', en: 'Person trapped' },
  fault: { zh: '故障', en: 'Fault' },
};

/** Where a report came from: the household page, the car's QR code, a phone call staff took down, staff themselves. */
export const FAULT_CHANNELS = ['household', 'lift_code', 'phone', 'staff'] as const;
export type FaultChannel = (typeof FAULT_CHANNELS)[number];
/** The channels staff record a report from. */
export const STAFF_CHANNELS = ['phone', 'staff'] as const;

/** The timeline, in its one order. */
export const FAULT_STEPS = ['reported', 'acknowledged', 'on_site', 'fixed', 'closed'] as const;
export type FaultStep = (typeof FAULT_STEPS)[number];
/** The steps staff move a report to (reported is when it arrives). */
export const MOVE_STEPS = ['acknowledged', 'on_site', 'fixed', 'closed'] as const;
export type MoveStep = (typeof MOVE_STEPS)[number];
export const FAULT_STEP_LABELS: Record<FaultStep, { zh: string; en: string }> = {
  reported: { zh: '已报修', en: 'Reported' },
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  on_site: { zh: '已到场', en: 'On site' },
  fixed: { zh: '已修复', en: 'Fixed' },
  closed: { zh: '已办结', en: 'Closed' },
};

/**
 * Rescuers on site within 30 minutes of an entrapment: the rule the issue names (issue 12 item 4,
 * "on site within 30 minutes for an entrapment, configurable"); a maintenance contract may
 * promise less.
 */
export const ENTRAPMENT_ON_SITE_MINUTES = 30;
/**
 * OUR DEFAULT, not a rule: a fault without anyone trapped has someone on site within 24 hours,
 * until the lift's maintenance contract states its own response time.
 */
export const FAULT_ON_SITE_MINUTES = 24 * 60;
/** OUR DEFAULT: a lift with this many reports (entrapments or faults) … */
export const REPEAT_FAULT_COUNT = 3;
/** … within this many days is flagged as failing repeatedly. */
export const REPEAT_FAULT_DAYS = 30;

/** How soon someone must be on site, by kind, in minutes. */
export interface ResponseLimits {
  entrapment: number;
  fault: number;
}
export const DEFAULT_LIMITS: ResponseLimits = {
  entrapment: ENTRAPMENT_ON_SITE_MINUTES,
  fault: FAULT_ON_SITE_MINUTES,
};

/**
 * The limits for a lift: a contract's promised times where it has them, never looser than the
 * entrapment rule.
 */
export function limitsFor(contract?: Partial<ResponseLimits> | null): ResponseLimits {
  return {
    entrapment: Math.min(contract?.entrapment ?? ENTRAPMENT_ON_SITE_MINUTES, ENTRAPMENT_ON_SITE_MINUTES),
    fault: contract?.fault ?? FAULT_ON_SITE_MINUTES,
  };
}

/** The instant of each step recorded so far; `reported` always is. */
export type Timeline = { reported: Date } & Partial<Record<Exclude<FaultStep, 'reported'>, Date | null>>;

/** The last step reached. */
export function stepOf(t: Timeline): FaultStep {
  for (let i = FAULT_STEPS.length - 1; i >= 0; i--) if (t[FAULT_STEPS[i]!]) return FAULT_STEPS[i]!;
  return 'reported';
}

/** The step that comes next, or null once closed. */
export function nextStep(t: Timeline): MoveStep | null {
  const i = FAULT_STEPS.indexOf(stepOf(t));
  return (FAULT_STEPS[i + 1] as MoveStep | undefined) ?? null;
}

const stamp = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);

/**
 * Why `step` may not be recorded at `at` (null when it may): steps come in order, none before the
 * previous one, none in the future.
 */
export function stepProblem(
  t: Timeline,
  step: MoveStep,
  at: Date,
  now: Date,
): { code: string; zh: string; en: string } | null {
  const next = nextStep(t);
  const label = FAULT_STEP_LABELS[step];
  if (next === null) return { code: 'fault_closed', zh: '该报修已办结', en: 'This report is already closed' };
  if (step !== next) {
    const done = FAULT_STEPS.indexOf(step) <= FAULT_STEPS.indexOf(stepOf(t));
    return done
      ? {
          code: 'step_done',
          zh: `该报修已${label.zh.replace(/^已/, '')}，无需重复记录`,
          en: `This report is already at “${label.en}”`,
        }
      : {
          code: 'step_order',
          zh: `请先记录“${FAULT_STEP_LABELS[next].zh}”`,
          en: `Record “${FAULT_STEP_LABELS[next].en}” first`,
        };
  }
  if (at.getTime() > now.getTime())
    return { code: 'bad_input', zh: '时间不能晚于现在', en: 'The time cannot be in the future' };
  const previous = t[stepOf(t)]!;
  if (at.getTime() < previous.getTime())
    return {
      code: 'bad_input',
      zh: `时间不能早于上一步（${stamp(previous)}）`,
      en: `The time cannot be before the previous step (${stamp(previous)})`,
    };
  return null;
}

const minutesBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 60_000);

/** A report's response times, in whole minutes from its report, and how they stand against the limit. */
export interface ResponseTimes {
  toAcknowledge: number | null;
  toOnSite: number | null;
  toFixed: number | null;
  /** minutes allowed to be on site */
  onSiteLimit: number;
  /** on site within the limit: null while no one is there and time remains */
  withinLimit: boolean | null;
  /** no one on site and the limit has passed */
  overdue: boolean;
}

export function responseTimes(
  kind: FaultKind,
  t: Timeline,
  now: Date,
  limits: ResponseLimits = DEFAULT_LIMITS,
): ResponseTimes {
  const since = (d: Date | null | undefined) => (d ? minutesBetween(t.reported, d) : null);
  const onSiteLimit = limits[kind];
  const toOnSite = since(t.on_site);
  // a report closed without anyone on site (a false alarm, fixed by phone) is judged by its close
  const ended = t.on_site ?? t.fixed ?? t.closed ?? null;
  const waited = ended ? minutesBetween(t.reported, ended) : minutesBetween(t.reported, now);
  const withinLimit = waited > onSiteLimit ? false : ended ? true : null;
  return {
    toAcknowledge: since(t.acknowledged),
    toOnSite,
    toFixed: since(t.fixed),
    onSiteLimit,
    withinLimit,
    overdue: !ended && waited > onSiteLimit,
  };
}

/** Is a lift failing repeatedly: REPEAT_FAULT_COUNT or more reports within REPEAT_FAULT_DAYS up to `now`? */
export function repeatedFaults(reportedAts: readonly Date[], now: Date): boolean {
  const from = now.getTime() - REPEAT_FAULT_DAYS * 24 * 3600_000;
  return (
    reportedAts.filter((d) => d.getTime() > from && d.getTime() <= now.getTime()).length >= REPEAT_FAULT_COUNT
  );
}

/** Report numbers (报修单号): 8 characters of the codes' alphabet, as XXXX-XXXX. */
export const FAULT_REF_LENGTH = 8;
export const FAULT_REF_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** From random bytes (rejection-sampled, as household codes are). */
export function faultRefFromRandom(randomByte: () => number): string {
  let out = '';
  while (out.length < FAULT_REF_LENGTH) {
    const b = randomByte();
    if (b < 248) out += FAULT_REF_ALPHABET[b % FAULT_REF_ALPHABET.length];
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A report number as typed ("k7m3 q9p2") → "K7M3-Q9P2"; null when it cannot be one. */
export function normaliseFaultRef(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.]/g, '');
  if (s.length !== FAULT_REF_LENGTH || [...s].some((c) => !FAULT_REF_ALPHABET.includes(c))) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/**
 * Shanghai's lift emergency number: 96333, the city's lift emergency response platform
 * (上海市电梯应急处置公共服务平台), also printed on the notice in every car. To be confirmed
 * with the street before the platform is used for real.
 */
export const LIFT_EMERGENCY_PHONE = '96333';
