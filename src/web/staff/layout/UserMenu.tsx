import { IdcardOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Grid } from 'antd';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../../core/roles.ts';
import { useLang } from '../../shared/words.ts';
import { MY_ACCOUNT } from '../modules.tsx';
import { useSession, useSessionState } from '../session.tsx';
import { useStaffWords } from '../words.ts';

/** Who is logged in, in which role, and the way out. */
export function UserMenu() {
  const { app, menu } = useStaffWords();
  const { pick } = useLang();
  const { user } = useSession();
  const { logout } = useSessionState();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const role = pick(ROLE_LABELS[user.role]);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: `${user.displayName} · ${role}`, disabled: true },
          ...(user.organisation ? [{ key: 'org', label: user.organisation, disabled: true }] : []),
          { type: 'divider' as const },
          { key: 'account', icon: <IdcardOutlined />, label: menu.myAccount },
          { key: 'logout', icon: <LogoutOutlined />, label: app.logout },
        ],
        onClick: async ({ key }) => {
          if (key === 'account') return void navigate(MY_ACCOUNT);
          if (key === 'logout') await logout();
        },
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        aria-label={app.userMenu(user.displayName)}
        data-testid="user-menu"
      >
        {screens.md ? user.displayName : null}
      </Button>
    </Dropdown>
  );
}
