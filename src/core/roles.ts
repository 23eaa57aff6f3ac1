/** Staff roles and the scope each is bound to. Shared by server (policy) and web (menus). */
export const ROLES = ['street_admin', 'committee_staff', 'adviser', 'district_viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  street_admin: { zh: '街道管理员', en: 'Street administrator' },
  committee_staff: { zh: '居委会工作人员', en: "Residents' committee staff" },
  adviser: { zh: '加装电梯事务所顾问', en: 'Lift affairs adviser' },
  district_viewer: { zh: '区级查看', en: 'District viewer' },
};

/** Which kind of scope a role is bound to. Advisers see the projects assigned to them. */
export const ROLE_SCOPE_KIND: Record<Role, 'district' | 'street' | 'committee'> = {
  street_admin: 'street',
  committee_staff: 'committee',
  adviser: 'street',
  district_viewer: 'district',
};

/** Roles that read and never write (the server refuses their writes in one place, before anything else). */
export const READ_ONLY_ROLES: readonly Role[] = ['district_viewer'];

/** Roles that may see full ID numbers and phones of owners in their scope (they contact them). */
export const ROLES_SEEING_PERSONAL_DATA: readonly Role[] = ['street_admin', 'committee_staff'];

/** The logged-in staff member, as the session API returns it and the server checks it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  districtId: string | null;
  streetId: string | null;
  committeeId: string | null;
  organisation: string;
}
