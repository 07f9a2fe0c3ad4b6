import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useSignedIn } from '../hooks/useMe.ts';
import { useIsPhone } from '../hooks/useIsPhone.ts';
import { PRODUCT_NAME } from '../hooks/usePageTitle.ts';
import { BrandMark } from './brand-mark.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

const COLLAPSED_KEY = 'boiduong.menu-collapsed';

/** Header, menu by role (a Drawer on phones) and the page. */
export function AppShell({ children }: { children: ReactNode }) {
  const { me } = useSignedIn();
  const isPhone = useIsPhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const toggleCollapsed = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-shell__header">
        {isPhone && <Button type="text" icon={<MenuOutlined />} aria-label="Mở menu" onClick={() => setMenuOpen(true)} />}
        <Link to="/" className="app-shell__brand" aria-label={`${PRODUCT_NAME} — trang chính`}>
          <BrandMark size={28} />
          <span>{PRODUCT_NAME}</span>
        </Link>
        <div style={{ flex: 1 }} />
        <UserMenu me={me} compact={isPhone} />
      </Layout.Header>
      <Layout>
        {!isPhone && (
          <Layout.Sider width={220} collapsedWidth={64} collapsed={collapsed} trigger={null} className="app-shell__sider">
            <NavMenu me={me} />
            <Button
              type="text"
              className="app-shell__collapse"
              onClick={toggleCollapsed}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? 'Mở rộng menu' : 'Thu gọn menu'}
              title={collapsed ? 'Mở rộng menu' : 'Thu gọn menu'}
            >
              {collapsed ? null : 'Thu gọn menu'}
            </Button>
          </Layout.Sider>
        )}
        <Layout.Content className="app-shell__content">{children}</Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          title={PRODUCT_NAME}
          placement="left"
          size={260}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          styles={{ body: { padding: 8 } }}
        >
          <NavMenu me={me} onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
