import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { answer, api } from '../shared/api.ts';
import { storedLang } from '../shared/lang.ts';
import { pageAfterLogin } from './address.ts';
import { LoginPage } from './LoginPage.tsx';
import '../shared/a11y.css';
import './login.css';

/**
 * The staff login (/login), a page of its own: React and this form, no antd and nothing of the
 * staff app, which loads after login. It asks for the session and the demo accounts together as
 * it starts; someone logged in goes on at once, and the card shows with its list (it does not
 * grow and jump when the list arrives).
 */
document.documentElement.lang = storedLang();

void Promise.all([
  answer(api.GET('/api/v1/session')).then(
    () => true,
    () => false,
  ),
  answer(api.GET('/api/v1/demo-accounts')).then(
    (d) => d.usernames,
    () => [],
  ),
]).then(([session, demo]) => {
  if (session) return location.replace(pageAfterLogin());
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LoginPage demo={demo} />
    </StrictMode>,
  );
});
