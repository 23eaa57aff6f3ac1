import { NavLink, useLocation } from 'react-router';
import { allows, MODULES } from '../modules.tsx';
import { useSession } from '../session.tsx';
import { useStaffWords } from '../words.ts';

/**
 * The module menu for this role as plain links in lists (site navigation, not an application
 * menu), so every entry opens in a new tab and reads as a link. The entry whose path is the
 * longest prefix of the address is the current page.
 */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { app, menu } = useStaffWords();
  const { role } = useSession();
  const { pathname } = useLocation();
  const modules = MODULES.filter((m) => allows(m.roles, role)).map((m) => ({
    ...m,
    menu: m.menu.filter((e) => allows(e.roles, role)),
  }));
  const current = modules
    .flatMap((m) => m.menu.map((e) => e.path))
    .filter((p) => pathname === p || pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label={app.mainMenu} className="jw-nav">
      {modules.map((m) => (
        <div key={m.key} className="jw-nav__section">
          <div id={`jw-nav-${m.key}`} className="jw-nav__group">
            {m.icon} {menu[m.label]}
          </div>
          <ul aria-labelledby={`jw-nav-${m.key}`}>
            {m.menu.map((e) => (
              <li key={e.path}>
                <NavLink
                  to={e.path}
                  end
                  className={e.path === current ? 'jw-nav__link is-current' : 'jw-nav__link'}
                  aria-current={e.path === current ? 'page' : undefined}
                  onClick={onNavigate}
                >
                  {menu[e.label]}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
