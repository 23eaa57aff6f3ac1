import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Access } from '../../platform/access.ts';
import { buildings, estates, stairwells, units } from './schema.ts';

export type RegistryLevel = 'estate' | 'building' | 'stairwell' | 'unit';

const inIds = (col: PgColumn, ids: string[]): SQL => (ids.length ? inArray(col, ids) : sql`false`);

/**
 * The one scope filter of the registry: rows of the visible committees, or for an adviser the
 * estates, buildings, stairwells and units reached by their assigned projects.
 */
export function registryScope(access: Access, level: RegistryLevel): SQL {
  const a = access.assigned;
  switch (level) {
    case 'estate':
      return a ? inIds(estates.id, a.estateIds) : inIds(estates.committeeId, access.committeeIds);
    case 'building':
      return a ? inIds(buildings.id, a.buildingIds) : inIds(buildings.committeeId, access.committeeIds);
    case 'stairwell':
      return a ? inIds(stairwells.id, a.stairwellIds) : inIds(stairwells.committeeId, access.committeeIds);
    case 'unit':
      return a ? inIds(units.stairwellId, a.stairwellIds) : inIds(units.committeeId, access.committeeIds);
  }
}
