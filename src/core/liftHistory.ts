/**
 * A lift's history (issue 12 item 5), newest first: entering use, contracts and policies, the
 * yearly checks, the visits that came late, every fault report, the running-cost years, the
 * satisfaction follow-ups. Routine
 * on-time visits are left out: they have their own table and would drown the rest.
 */
import type { FaultKind } from './faults.ts';
import type { InspectionKind, InspectionResult } from './upkeep.ts';

export interface LiftHistoryInput {
  enteredUseOn: string | null;
  contracts: readonly { startsOn: string; endsOn: string; company: string }[];
  insurance: readonly { startsOn: string; endsOn: string; insurer: string }[];
  inspections: readonly { on: string; kind: InspectionKind; result: InspectionResult }[];
  visits: readonly { on: string; gapDays: number; late: boolean }[];
  faults: readonly { id: string; ref: string; on: string; kind: FaultKind; late: boolean; closed: boolean }[];
  runningYears: readonly { year: number; on: string; totalFen: number }[];
  /** satisfaction follow-ups (回访) started; `satisfied` of `answered` the overall question */
  followUps: readonly { on: string; title: string; satisfied: number; answered: number }[];
}

export type LiftEvent =
  | { on: string; kind: 'entered_use' }
  | { on: string; kind: 'contract'; company: string; endsOn: string }
  | { on: string; kind: 'insurance'; insurer: string; endsOn: string }
  | { on: string; kind: 'inspection'; inspection: InspectionKind; result: InspectionResult }
  | { on: string; kind: 'late_visit'; gapDays: number }
  | { on: string; kind: 'fault'; fault: FaultKind; id: string; ref: string; late: boolean; closed: boolean }
  | { on: string; kind: 'running_costs'; year: number; totalFen: number }
  | { on: string; kind: 'follow_up'; title: string; satisfied: number; answered: number };

export type LiftEventKind = LiftEvent['kind'];

/** Of events on one day, the order a reader expects: the lift first, then what happened to it. */
const ORDER: LiftEventKind[] = [
  'entered_use',
  'contract',
  'insurance',
  'inspection',
  'late_visit',
  'fault',
  'running_costs',
  'follow_up',
];

export function liftHistory(input: LiftHistoryInput): LiftEvent[] {
  const events: LiftEvent[] = [
    ...(input.enteredUseOn ? [{ on: input.enteredUseOn, kind: 'entered_use' as const }] : []),
    ...input.contracts.map((k) => ({
      on: k.startsOn,
      kind: 'contract' as const,
      company: k.company,
      endsOn: k.endsOn,
    })),
    ...input.insurance.map((p) => ({
      on: p.startsOn,
      kind: 'insurance' as const,
      insurer: p.insurer,
      endsOn: p.endsOn,
    })),
    ...input.inspections.map((i) => ({
      on: i.on,
      kind: 'inspection' as const,
      inspection: i.kind,
      result: i.result,
    })),
    ...input.visits
      .filter((v) => v.late)
      .map((v) => ({ on: v.on, kind: 'late_visit' as const, gapDays: v.gapDays })),
    ...input.faults.map((f) => ({
      on: f.on,
      kind: 'fault' as const,
      fault: f.kind,
      id: f.id,
      ref: f.ref,
      late: f.late,
      closed: f.closed,
    })),
    ...input.runningYears.map((y) => ({
      on: y.on,
      kind: 'running_costs' as const,
      year: y.year,
      totalFen: y.totalFen,
    })),
    ...input.followUps.map((f) => ({ ...f, kind: 'follow_up' as const })),
  ];
  // newest first; on one day, in reading order (a stable sort keeps each source's own order)
  return events.sort((a, b) => b.on.localeCompare(a.on) || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}
