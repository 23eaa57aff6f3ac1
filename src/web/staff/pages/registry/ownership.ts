import type { LegendItem } from '../../../shared/ElevationDiagram.tsx';
import type { Unit } from '../../../shared/types.ts';

/** How the registry colours the diagram: is each unit's ownership on record, and shared? */
export type Ownership = 'missing' | 'single' | 'shared';

const COLORS: Record<Ownership, string> = { missing: '#ffd591', single: '#f0f5ff', shared: '#b7eb8f' };

export function ownershipOf(unit: Unit): Ownership {
  return unit.owners.length === 0 ? 'missing' : unit.owners.length === 1 ? 'single' : 'shared';
}

export const ownershipColor = (unit: Unit) => COLORS[ownershipOf(unit)];

export function ownershipLegend(label: (o: Ownership) => string): LegendItem[] {
  return (Object.keys(COLORS) as Ownership[]).map((o) => ({ key: o, color: COLORS[o], label: label(o) }));
}
