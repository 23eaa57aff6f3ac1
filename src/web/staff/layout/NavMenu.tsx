import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { allows, MODULES } from '../modules.tsx';
import { useSession } from '../session.tsx';

/** The module menu for this role; the entry whose path is the longest prefix of the URL is lit. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { role } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const modules = MODULES.filter((m) => allows(m.roles, role));
  const paths = modules.flatMap((m) => m.menu.filter((e) => allows(e.roles, role)).map((e) => e.path));
  const selected = paths.filter((p) => pathname === p || pathname.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  const items: MenuProps['items'] = modules.map((m) => ({
    key: m.key,
    type: 'group',
    label: (
      <span className="jw-menu-group">
        {m.icon} {t(`menu.${m.label}`)}
      </span>
    ),
    children: m.menu.filter((e) => allows(e.roles, role)).map((e) => ({ key: e.path, label: t(`menu.${e.label}`) })),
  }));
  return (
    <nav aria-label={t('app.mainMenu')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          void navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
