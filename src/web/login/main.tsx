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
 * staff app, which loads after login. The server writes the demo accounts into the page
 * (server/app.ts), so the card shows with its list at once and does not grow when it arrives;
 * served without them (the dev server), the page asks the API first. Someone still logged in goes
 * on (the session is asked beside, not before).
 */
document.documentElement.lang = storedLang();

function demoAccounts(): Promise<string[]> {
  const written = document.getElementById('jw-demo-accounts')?.textContent;
  if (written) return Promise.resolve(JSON.parse(written) as string[]);
  return answer(api.GET('/api/v1/demo-accounts')).then(
    (d) => d.usernames,
    () => [],
  );
}

answer(api.GET('/api/v1/session')).then(
  () => location.replace(pageAfterLogin()),
  () => undefined,
);
void demoAccounts().then((demo) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LoginPage demo={demo} />
    </StrictMode>,
  ),
);
