import { formatAreaM2 } from '../../../../core/area.ts';
import { meets } from '../../../../core/consent/fraction.ts';
import { $api } from '../../data.ts';
import type { Fraction, Rule, Tally } from './types.ts';

/** The live tally: read every 5 seconds while the page is open (and the vote is open). */
export function useTally(id: string, live: boolean) {
  return $api.useQuery(
    'get',
    '/api/v1/consultations/{id}/tally',
    { params: { path: { id } } },
    { refetchInterval: live ? 5000 : false },
  );
}

export interface Bar {
  key: string;
  kind: 'heads' | 'area';
  what: 'participation' | 'approval';
  part: number;
  whole: number;
  threshold: Fraction;
  strict: boolean;
  met: boolean;
  /** shown numbers: heads as is, areas in m² */
  partText: string;
  wholeText: string;
}

/** The four progress bars of a rule: heads and area taking part, heads and area agreeing. */
export function tallyBars(rule: Rule, c: Tally['counts']): Bar[] {
  const bars: Bar[] = [];
  const bar = (
    key: string,
    kind: Bar['kind'],
    what: Bar['what'],
    part: number,
    whole: number,
    threshold: Fraction,
    strict: boolean,
  ): Bar => ({
    key,
    kind,
    what,
    part,
    whole,
    threshold,
    strict,
    met: meets(part, whole, threshold, strict),
    partText: kind === 'area' ? formatAreaM2(part) : String(part),
    wholeText: kind === 'area' ? formatAreaM2(whole) : String(whole),
  });
  if (rule.participation) {
    bars.push(
      bar(
        'p-heads',
        'heads',
        'participation',
        c.participatingHeads,
        c.totalHeads,
        rule.participation.heads,
        false,
      ),
    );
    bars.push(
      bar(
        'p-area',
        'area',
        'participation',
        c.participatingArea,
        c.totalArea,
        rule.participation.area,
        false,
      ),
    );
  }
  const a = rule.approval;
  const baseHeads = a.base === 'total' ? c.totalHeads : c.participatingHeads;
  const baseArea = a.base === 'total' ? c.totalArea : c.participatingArea;
  bars.push(bar('a-heads', 'heads', 'approval', c.agreeingHeads, baseHeads, a.heads, a.strict));
  bars.push(bar('a-area', 'area', 'approval', c.agreeingArea, baseArea, a.area, a.strict));
  return bars;
}

export const fractionText = (f: Fraction) => `${f.num}/${f.den}`;
