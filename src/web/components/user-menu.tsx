import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { useMe } from '../hooks/useMe.ts';

/** Roles as "Ban tổ chức — Sở GD&ĐT; Học viên — Trường X", one per grant. */
export function rolesSummary(me: Me): string[] {
  return me.grants.map((g) => `${g.roleLabel} — ${g.unitName}`);
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words[words.length - 1]?.[0] ?? '?').toUpperCase();
}

export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const { signOut } = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const roles = rolesSummary(me);

  const handleSignOut = async () => {
    try {
      await signOut();
      navigate('/dang-nhap', { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'who',
            type: 'group',
            label: (
              <div className="user-menu__who">
                <Typography.Text strong>{me.displayName}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Tên đăng nhập: {me.username}
                </Typography.Text>
                {roles.map((r) => (
                  <Typography.Text key={r} type="secondary" style={{ fontSize: 12 }}>
                    {r}
                  </Typography.Text>
                ))}
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: 'Đổi mật khẩu', onClick: () => navigate('/doi-mat-khau') },
          { key: 'logout', icon: <LogoutOutlined />, label: 'Đăng xuất', danger: true, onClick: () => void handleSignOut() },
        ],
      }}
    >
      {/* Named by its text, "Tài khoản: <name>", so the name said is the name seen (the avatar's initial is decoration). */}
      <Button type="text" className="user-menu__trigger">
        <Avatar
          size="small"
          aria-hidden
          style={{ background: '#e6eefb', color: '#0b4ea2' }}
          icon={me.displayName ? undefined : <UserOutlined />}
        >
          {initials(me.displayName)}
        </Avatar>
        <span className="visually-hidden">Tài khoản: </span>
        <span className={compact ? 'visually-hidden' : 'user-menu__name'}>{me.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
