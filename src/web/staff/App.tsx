import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useSyncExternalStore, type ReactNode } from 'react';
import { BrowserRouter, matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { useLang } from '../shared/words.ts';
import { $api, queryClient } from './data.ts';
import { lazyPage } from './lazyPage.ts';
import { allows, MODULES, MY_ACCOUNT } from './modules.tsx';
import { SessionProvider, useSessionState } from './session.tsx';
import { theme } from './theme.ts';

// with the demo accounts it lists, so the card does not grow (and jump) when they arrive
const LoginPage = lazyPage(() =>
  Promise.all([
    import('./pages/LoginPage.tsx'),
    queryClient.prefetchQuery($api.queryOptions('get', '/api/v1/demo-accounts')),
  ]).then(([page]) => page),
);
// the menu and header come after login: the login page does not wait for them
const StaffLayout = lazyPage(() =>
  import('./layout/StaffLayout.tsx').then((m) => ({ default: m.StaffLayout })),
);

/**
 * The page the address names starts loading now, beside the session check (session.tsx), not
 * after its answer: on a slow phone network that is one round trip less before the page shows.
 */
function preload(pathname: string) {
  if (pathname === '/login') return void LoginPage.preload();
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
  const from = (location.state as { from?: string } | null)?.from;
  const routes = MODULES.flatMap((m) => m.routes).filter(
    (r) => session && allows(r.roles, session.user.role),
  );
  // a password someone else set: 我的账号 until it is changed (the API refuses everything else meanwhile)
  if (session?.mustChangePassword && location.pathname !== MY_ACCOUNT && location.pathname !== '/login')
    return <Navigate to={MY_ACCOUNT} replace />;
  return (
    <Routes>
      <Route path="/login" element={session ? <Navigate to={from ?? '/'} replace /> : <LoginPage />} />
      {routes
        .filter((r) => r.bare)
        .map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
      <Route
        element={
          session ? (
            <StaffLayout />
          ) : (
            <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
          )
        }
      >
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

function FullPageSpin() {
  return <Spin size="large" className="jw-page-spin" />;
}
