import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { useStaffWords } from '../words.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavMenu } from './NavMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Side menu on a wide screen; on a phone the menu opens in a drawer from a header button. */
export function StaffLayout() {
  const { app } = useStaffWords();
  const screens = Grid.useBreakpoint();
  const wide = Boolean(screens.lg);
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <Layout className="jw-shell">
      {wide && (
        <Layout.Sider theme="light" width={224} className="jw-sider">
          <Brand />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="jw-header">
          <Flex align="center" gap={4} style={{ minWidth: 0 }}>
            {!wide && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={app.openMenu}
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen(true)}
              />
            )}
            {!wide && <Brand compact />}
          </Flex>
          <Flex align="center" gap={4} className="jw-header__tools">
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="jw-content">
          {/* antd renders Content as the page's <main> */}
          <div className="jw-page">
            <Suspense fallback={<Spin size="large" className="jw-page-spin" />}>
              <Outlet />
            </Suspense>
          </div>
        </Layout.Content>
      </Layout>
      {!wide && (
        <Drawer
          placement="left"
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          size={260}
          title={app.name}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}

function Brand({ compact }: { compact?: boolean }) {
  const { app } = useStaffWords();
  return (
    <Link to="/" className={compact ? 'jw-brand jw-brand--compact' : 'jw-brand'}>
      <span className="jw-brand__mark" aria-hidden="true">
        江
      </span>
      <span className="jw-brand__name">{compact ? app.shortName : app.name}</span>
    </Link>
  );
}
