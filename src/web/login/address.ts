/**
 * The login page is a page of its own (login.html, without antd): the staff app leaves for it and
 * comes back with a full load. The page that was asked for rides in the history entry, as the
 * router's state carried it before, so the address stays /login.
 */
export const LOGIN_PATH = '/login';

interface LoginState {
  from?: unknown;
}

/** Leaves the staff app for the login page; after login `from` opens (else the start). */
export function goToLogin(from?: string) {
  history.replaceState(from ? ({ from } satisfies LoginState) : null, '', LOGIN_PATH);
  location.reload();
}

/** Where login leads: the page that was asked for if it is a page of this site, else the start. */
export function pageAfterLogin(): string {
  const from = (history.state as LoginState | null)?.from;
  const ours =
    typeof from === 'string' &&
    from.startsWith('/') &&
    // not another site ("//evil.example", "/\evil.example"), nor back here
    !/^\/[/\\]/.test(from) &&
    from.split(/[?#]/)[0] !== LOGIN_PATH;
  return ours ? from : '/';
}
