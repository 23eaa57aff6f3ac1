import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { canWriteCommittee, type Access } from '../../platform/access.ts';
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

/**
 * A person's identity (name, ID number) is what every committee where they own sees, so only a
 * caller who writes all of those committees may change it: the committee when the owner is
 * wholly its own, the street admin when the owner is shared. Nobody else's record is touched.
 */
export function mayChangeIdentity(access: Access, ownerCommitteeIds: Iterable<string>): boolean {
  return [...ownerCommitteeIds].every((id) => canWriteCommittee(access, id));
}

/**
 * Why a known ID number cannot take the name given: said without any stored field, so the
 * answer reveals nothing another committee recorded; a shared owner goes to the street admin.
 */
export function identityConflictText(mayChange: boolean) {
  return mayChange
    ? {
        zh: '该身份证号已登记为另一姓名；请核对，如登记有误请先在业主页面更正',
        en: 'This ID number is registered under another name; check it, and correct the owner first if the record is wrong',
      }
    : {
        zh: '该身份证号已登记，但姓名与登记不一致；为保护业主信息不显示登记内容，请核对证件，或请街道管理员核实更正',
        en: "This ID number is registered under another name; the record is not shown to protect the owner's data. Check the ID card, or ask the street admin to verify and correct it",
      };
}
