/**
 * Keeping a lift running (运维保养关): how often it is maintained and inspected, and when its
 * contract and insurance need renewing. Pure rules, shared by the server (work list, lift page)
 * and the pages. Dates are Shanghai calendar dates 'YYYY-MM-DD'.
 */
import { addDays } from './calendar.ts';

/**
 * Maintenance visits at most 15 days apart (TSG T5002, as issue 12 cites it); the schedule has
 * half-monthly, quarterly, half-yearly and yearly items, each longer visit also doing the items of
 * every shorter one.
 */
export const MAX_VISIT_GAP_DAYS = 15;
export const VISIT_KINDS = ['half_monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, { zh: string; en: string }> = {
  half_monthly: { zh: '半月保养', en: 'Half-monthly' },
  quarterly: { zh: '季度保养', en: 'Quarterly' },
  half_yearly: { zh: '半年保养', en: 'Half-yearly' },
  yearly: { zh: '年度保养', en: 'Yearly' },
};
const VISIT_PERIOD: Record<VisitKind, { days: number } | { months: number }> = {
  half_monthly: { days: MAX_VISIT_GAP_DAYS },
  quarterly: { months: 3 },
  half_yearly: { months: 6 },
  yearly: { months: 12 },
};
const rank = (kind: VisitKind) => VISIT_KINDS.indexOf(kind);

/**
 * The items of each kind of visit, short, as a checklist the technician ticks (a summary of
 * TSG T5002's annex A, OUR WORDING; the street can extend it later).
 */
export const VISIT_ITEMS: Record<VisitKind, { key: string; zh: string; en: string }[]> = {
  half_monthly: [
    { key: 'machine_room', zh: '机房、主机、制动器', en: 'Machine room, drive and brake' },
    { key: 'car', zh: '轿厢照明、通风、报警装置', en: 'Car lighting, ventilation, alarm' },
    { key: 'doors', zh: '层门、轿门及门锁', en: 'Landing and car doors, door locks' },
    { key: 'pit', zh: '底坑环境', en: 'Pit' },
  ],
  quarterly: [
    { key: 'ropes', zh: '曳引绳、绳头组合', en: 'Ropes and rope ends' },
    { key: 'door_gap', zh: '层门、轿门门扇间隙', en: 'Door panel gaps' },
  ],
  half_yearly: [
    { key: 'governor', zh: '限速器及张紧轮', en: 'Overspeed governor and tension pulley' },
    { key: 'buffers', zh: '缓冲器', en: 'Buffers' },
  ],
  yearly: [
    { key: 'safety_gear', zh: '安全钳及联动试验', en: 'Safety gear and its linkage test' },
    { key: 'brake_test', zh: '制动器制动能力检查', en: 'Brake capacity check' },
    { key: 'insulation', zh: '电气绝缘', en: 'Electrical insulation' },
  ],
};

/** The items a visit of this kind does: its own and every shorter kind's. */
export function itemsOfVisit(kind: VisitKind) {
  return VISIT_KINDS.filter((k) => rank(k) <= rank(kind)).flatMap((k) => VISIT_ITEMS[k]);
}

/** 2026-01-31 + 1 month → 2026-02-28: the same day of the month, or the month's last. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function after(date: string, period: { days: number } | { months: number }) {
  return 'days' in period ? addDays(date, period.days) : addMonths(date, period.months);
}

export interface Visit {
  on: string;
  kind: VisitKind;
}

export interface VisitDue {
  kind: VisitKind;
  /** the last visit that did this kind's items (a longer visit does them too); null: none yet */
  lastOn: string | null;
  due: string;
  /** days past the due date today; 0 when not overdue */
  daysOverdue: number;
}

/**
 * When each kind of visit is next due: its period after the last visit that did its items, or
 * after the lift entered use (or its contract began) when none has.
 */
export function visitsDue(visits: readonly Visit[], since: string, today: string): VisitDue[] {
  return VISIT_KINDS.map((kind) => {
    const lastOn =
      visits
        .filter((v) => rank(v.kind) >= rank(kind))
        .map((v) => v.on)
        .sort()
        .at(-1) ?? null;
    const due = after(lastOn ?? since, VISIT_PERIOD[kind]);
    return { kind, lastOn, due, daysOverdue: Math.max(0, daysFrom(due, today)) };
  });
}

/**
 * The next visit: by the earliest due date, of the longest kind due by then (so the technician
 * does the quarterly items on the visit they fall on).
 */
export function nextVisit(dues: readonly VisitDue[]): VisitDue {
  const earliest = dues.reduce((a, b) => (b.due < a.due ? b : a));
  return dues.filter((d) => d.due <= earliest.due).reduce((a, b) => (rank(b.kind) > rank(a.kind) ? b : a));
}

/** Each visit with the days since the one before (or since `since`), late when over 15. */
export function visitGaps<T extends Visit>(visits: readonly T[], since: string) {
  const sorted = [...visits].sort((a, b) => a.on.localeCompare(b.on));
  return sorted.map((v, i) => {
    const gapDays = daysFrom(i === 0 ? since : sorted[i - 1]!.on, v.on);
    return { ...v, gapDays, late: gapDays > MAX_VISIT_GAP_DAYS };
  });
}

/**
 * The yearly check: the periodic inspection (定期检验) every year. Where the city's
 * inspection reform applies, the periodic inspection and a self-inspection by a qualified testing
 * body (自行检测) alternate year by year (the lift's inspection plan).
 */
export const INSPECTION_KINDS = ['periodic', 'self'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, { zh: string; en: string }> = {
  periodic: { zh: '定期检验', en: 'Periodic inspection' },
  self: { zh: '自行检测', en: 'Self-inspection' },
};
export const INSPECTION_RESULTS = ['pass', 'pass_after_fixes', 'fail'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const INSPECTION_RESULT_LABELS: Record<InspectionResult, { zh: string; en: string }> = {
  pass: { zh: '合格', en: 'Passed' },
  pass_after_fixes: { zh: '整改后合格', en: 'Passed after fixes' },
  fail: { zh: '不合格', en: 'Failed' },
};

/** How long ahead the work list and the lift's page warn of a due date. */
export const REMINDER_DAYS = { inspection: 30, insurance: 30, contract: 60 } as const;

export interface InspectionDue {
  kind: InspectionKind;
  due: string;
  state: 'ok' | 'due_soon' | 'overdue';
}

const stateOf = (due: string, today: string, warnDays: number): InspectionDue['state'] =>
  today > due ? 'overdue' : daysFrom(today, due) <= warnDays ? 'due_soon' : 'ok';

/**
 * The next yearly check: one year after the last (or the next date its report names), of the kind
 * the plan says; a new lift's first is a periodic inspection one year after it entered use (its
 * supervision inspection at installation stands for the first year).
 */
export function nextInspection(
  plan: 'yearly_inspection' | 'alternate_self_inspection',
  last: { kind: InspectionKind; on: string; nextDueOn: string | null } | null,
  enteredUseOn: string,
  today: string,
): InspectionDue {
  const due = last ? (last.nextDueOn ?? addMonths(last.on, 12)) : addMonths(enteredUseOn, 12);
  const kind: InspectionKind =
    plan === 'alternate_self_inspection' && last?.kind === 'periodic' ? 'self' : 'periodic';
  return { kind, due, state: stateOf(due, today, REMINDER_DAYS.inspection) };
}

/** A contract's or a policy's term today: none, in force, ending within the warning, or ended. */
export const TERM_STATES = ['none', 'active', 'ending', 'ended'] as const;
export type TermState = (typeof TERM_STATES)[number];
export const TERM_STATE_LABELS: Record<TermState, { zh: string; en: string }> = {
  none: { zh: '无', en: 'None' },
  active: { zh: '有效', en: 'In force' },
  ending: { zh: '即将到期', en: 'Ending soon' },
  ended: { zh: '已到期', en: 'Ended' },
};
export function termState(
  term: { startsOn: string; endsOn: string } | null,
  today: string,
  warnDays: number,
): TermState {
  if (!term || today < term.startsOn) return 'none';
  if (today > term.endsOn) return 'ended';
  return daysFrom(today, term.endsOn) <= warnDays ? 'ending' : 'active';
}

/** What the work list asks of a lift in service (core: the page words it). */
export type UpkeepReason = 'visit' | 'inspection' | 'contract' | 'insurance';
