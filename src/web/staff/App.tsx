import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { BrowserRouter, matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { useLang } from '../shared/words.ts';
import { goToLogin } from '../login/address.ts';
import { queryClient } from './data.ts';
import { lazyPage } from './lazyPage.ts';
import { allows, MODULES, MY_ACCOUNT } from './modules.tsx';
import { SessionProvider, useSessionState } from './session.tsx';
import { theme } from './theme.ts';

// the menu and header: a chunk of their own, which the bare print pages do without
const StaffLayout = lazyPage(() =>
  import('./layout/StaffLayout.tsx').then((m) => ({ default: m.StaffLayout })),
);

/**
 * The page the address names starts loading now, beside the session check (session.tsx), not
 * after its answer: on a slow phone network that is one round trip less before the page shows.
 */
function preload(pathname: string) {
  const path = pathname === '/' ? '/worklist' : pathname;
  const route = MODULES.flatMap((m) => m.routes).find((r) => matchPath(r.path, path));
  if (!route?.bare) void StaffLayout.preload();
  void route?.page.preload();
}
preload(window.location.pathname);
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Localized>
        <AntdApp>
          <SessionProvider>
            <BrowserRouter>
              <Suspense fallback={<FullPageSpin />}>
                <AppRoutes />
              </Suspense>
            </BrowserRouter>
          </SessionProvider>
        </AntdApp>
      </Localized>
    </QueryClientProvider>
  );
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const subscribeReducedMotion = (onChange: () => void) => {
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** Whether the person asked their device for less motion (also set by the browser tests). */
function useReducedMotion() {
  return useSyncExternalStore(subscribeReducedMotion, () => window.matchMedia(REDUCED_MOTION).matches);
}

/** antd and dayjs follow the language switch (dates, pagination, form messages); antd's animations follow the device's motion setting. */
function Localized({ children }: { children: ReactNode }) {
  const { isEn } = useLang();
  const reducedMotion = useReducedMotion();
  dayjs.locale(isEn ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={isEn ? enUS : zhCN}
      theme={reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme}
    >
      {children}
    </ConfigProvider>
  );
}

function AppRoutes() {
  const { session } = useSessionState();
  const location = useLocation();
  if (session === undefined) return <FullPageSpin />;
  if (session === null) return <ToLogin from={location.pathname + location.search} />;
  const routes = MODULES.flatMap((m) => m.routes).filter((r) => allows(r.roles, session.user.role));
  // a password someone else set: 我的账号 until it is changed (the API refuses everything else meanwhile)
  if (session.mustChangePassword && location.pathname !== MY_ACCOUNT)
    return <Navigate to={MY_ACCOUNT} replace />;
  return (
    <Routes>
      {routes
        .filter((r) => r.bare)
        .map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      <Route element={<StaffLayout />}>
        {/* staff start from what needs attention now */}
        <Route index element={<Navigate to="/worklist" replace />} />
        {routes
          .filter((r) => !r.bare)
          .map(({ path, page: Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Logged out (or the session ended): to the login page (login.html, without antd), which comes back to `from`. */
function ToLogin({ from }: { from: string }) {
  useEffect(() => goToLogin(from), [from]);
  return <FullPageSpin />;
}

function FullPageSpin() {
  return <Spin size="large" className="jw-page-spin" />;
}
