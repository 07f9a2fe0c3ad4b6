import { CopyOutlined, KeyOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Modal, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { accountsApi } from '../../api/accounts.ts';
import type { PersonDetail } from '../../api/people.ts';
import { useAction } from '../../hooks/useAction.ts';

interface Props {
  person: PersonDetail;
  canManage: boolean;
}

/** The person's account: login status, a new initial password shown once, lock and unlock. */
export function PersonAccount({ person, canManage }: Props) {
  const { message } = App.useApp();
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const [disabled, setDisabled] = useState<boolean | undefined>(person.accountDisabled);
  const { run, pending: busy } = useAction();
  const userId = person.userId;

  if (!userId || !person.username) {
    return <Typography.Text type="secondary">Chưa có tài khoản (cần mã định danh hoặc số CCCD).</Typography.Text>;
  }

  const handleReset = () => run(async () => setIssued(await accountsApi.resetPassword(userId)));

  const handleDisabled = (next: boolean) =>
    run(
      async () => {
        await accountsApi.setDisabled(userId, next);
        setDisabled(next);
      },
      { success: next ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.' },
    );

  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.password);
      message.success('Đã sao chép mật khẩu.');
    } catch {
      message.warning('Không sao chép được; hãy chép tay mật khẩu.');
    }
  };

  return (
    <>
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { width: 150 } }}
        items={[
          {
            key: 'username',
            label: 'Tên đăng nhập',
            children: (
              <Typography.Text copyable={{ tooltips: ['Sao chép tên đăng nhập', 'Đã sao chép'] }}>{person.username}</Typography.Text>
            ),
          },
          {
            key: 'status',
            label: 'Trạng thái',
            children: (
              <Flex gap={4} wrap>
                {person.hasLoggedIn ? <Tag color="green">Đã đăng nhập</Tag> : <Tag color="orange">Chưa đăng nhập</Tag>}
                {disabled === true && <Tag color="red">Đã khóa</Tag>}
              </Flex>
            ),
          },
        ]}
      />
      {canManage && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Popconfirm
            title="Cấp lại mật khẩu?"
            description="Mật khẩu cũ sẽ không dùng được nữa."
            okText="Cấp lại"
            cancelText="Hủy"
            onConfirm={() => void handleReset()}
          >
            <Button icon={<KeyOutlined />} loading={busy}>
              Cấp lại mật khẩu
            </Button>
          </Popconfirm>
          {disabled !== true && (
            <Popconfirm
              title="Khóa tài khoản này?"
              description="Người này sẽ không đăng nhập được cho đến khi được mở khóa."
              okText="Khóa"
              cancelText="Hủy"
              okButtonProps={{ danger: true }}
              onConfirm={() => void handleDisabled(true)}
            >
              <Button danger icon={<LockOutlined />} disabled={busy}>
                Khóa tài khoản
              </Button>
            </Popconfirm>
          )}
          {disabled !== false && (
            <Button icon={<UnlockOutlined />} disabled={busy} onClick={() => void handleDisabled(false)}>
              Mở khóa
            </Button>
          )}
        </Flex>
      )}
      <Modal
        title="Mật khẩu ban đầu mới"
        open={issued !== null}
        onCancel={() => setIssued(null)}
        footer={
          <Button type="primary" onClick={() => setIssued(null)}>
            Đã ghi lại
          </Button>
        }
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Mật khẩu chỉ hiện một lần"
          description="Hãy ghi lại hoặc sao chép và gửi cho người dùng. Họ sẽ phải đặt mật khẩu mới khi đăng nhập lần đầu."
        />
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'u', label: 'Tên đăng nhập', children: issued?.username },
            {
              key: 'p',
              label: 'Mật khẩu',
              children: (
                <Flex align="center" gap={8} wrap>
                  <Typography.Text code style={{ fontSize: 18, letterSpacing: 1 }} aria-label="Mật khẩu mới">
                    {issued?.password}
                  </Typography.Text>
                  <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
                    Sao chép mật khẩu
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
