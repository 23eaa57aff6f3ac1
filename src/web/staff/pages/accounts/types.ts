import type { Role } from '../../../../core/roles.ts';

/** An account as GET /api/v1/users lists it (server: modules/accounts/manage.ts ListedUser). */
export interface ListedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
  districtId: string | null;
  streetId: string | null;
  committeeId: string | null;
  committeeName: string | null;
  scopeName: string | null;
  disabled: boolean;
  disabledAt: string | null;
  disabledBy: string | null;
  mustChangePassword: boolean;
  demo: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  sessions: number;
  failedLogins: number;
  lockedSeconds: number;
}

/** One of the caller's own sessions (GET /api/v1/me/sessions). */
export interface OwnSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address: string;
  userAgent: string;
  current: boolean;
}

export interface ResetResult {
  id: string;
  username: string;
  mustChangePassword: true;
  sessionsEnded: number;
  /** only when the server generated it: shown this once */
  password?: string;
}
