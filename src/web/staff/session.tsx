import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ROLES_SEEING_PERSONAL_DATA, type Role } from '../../core/roles.ts';
import { ApiError, answer, api, setCsrfToken, setUnauthenticatedHandler } from '../shared/api.ts';
import type { SessionInfo } from '../shared/types.ts';
import { goToLogin } from '../login/address.ts';
import { setServerToday } from './today.ts';

/** Roles that change the registry and projects (the API enforces it; the UI hides the buttons). */
const WRITING_ROLES: readonly Role[] = ['street_admin', 'committee_staff'];

/** How often an open app asks the server for today again (a page left open overnight turns the date). */
const TODAY_REFRESH_MS = 10 * 60_000;

interface SessionState {
  /** undefined while the first check runs, null when logged out (the app leaves for the login page) */
  session: SessionInfo | null | undefined;
  /** ends the session and opens the login page */
  logout: () => Promise<void>;
  /** reads the session again (after changing one's password) */
  refresh: () => Promise<void>;
}

const readSession = () => answer(api.GET('/api/v1/session'));

const SessionContext = createContext<SessionState | null>(null);

// asked as the script starts, not after the first render: the page's chunk loads meanwhile (App.tsx)
let firstRead: ReturnType<typeof readSession> | null = readSession();
// its 401 (logged out) is handled once the provider mounts; until then it is not an unhandled rejection
firstRead.catch(() => undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const queryClient = useQueryClient();

  // logged out, the app leaves for the login page with a full load: nothing the last user saw stays
  const adopt = useCallback((next: SessionInfo | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setServerToday(next?.today ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => adopt(null));
    const read = firstRead ?? readSession();
    firstRead = null;
    read.then(adopt).catch((err: unknown) => {
      if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
      adopt(null);
    });
  }, [adopt]);

  // today comes from the server's clock: asked again now and then and when the tab comes back, so a
  // page left open across midnight moves on with the server (and never with the device's clock)
  const today = session?.today;
  useEffect(() => {
    if (!today) return;
    const refresh = () =>
      readSession().then(
        (next) => {
          if (next.today === today) return;
          // a new day: dates, phases and work items read before it are re-read
          setServerToday(next.today);
          setSession((current) => current && { ...current, today: next.today });
          void queryClient.invalidateQueries();
        },
        (err: unknown) => {
          if (err instanceof ApiError && err.status === 401) adopt(null);
        },
      );
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    const timer = window.setInterval(() => void refresh(), TODAY_REFRESH_MS);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [today, adopt, queryClient]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      logout: async () => {
        await api.DELETE('/api/v1/session').catch(() => undefined);
        goToLogin();
      },
      refresh: async () => adopt(await readSession()),
    }),
    [session, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The logged-in user and what their role lets the UI offer. Only inside logged-in pages. */
export function useSession() {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession on a page shown without a session');
  const role = session.user.role;
  return {
    ...session,
    role,
    canWrite: WRITING_ROLES.includes(role),
    /** the committee's staff, or the adviser assigned to this project, may work on it */
    canWorkOn: (project: { adviserUserId: string | null }) =>
      WRITING_ROLES.includes(role) || (role === 'adviser' && project.adviserUserId === session.user.id),
    seesPersonalData: ROLES_SEEING_PERSONAL_DATA.includes(role),
    isStreetAdmin: role === 'street_admin',
  };
}

/**
 * Today by the server's clock, for every date default and limit of a business rule (a payment
 * not after today, a notice starting today): the ISO date, the same as a Dayjs for date pickers,
 * and the test a `disabledDate` needs. Pages never ask the device for the date.
 */
export function useToday() {
  const { today } = useSession();
  return useMemo(() => {
    const day = dayjs(today);
    return { iso: today, day, year: day.year(), isAfterToday: (d: Dayjs) => d.isAfter(day, 'day') };
  }, [today]);
}
