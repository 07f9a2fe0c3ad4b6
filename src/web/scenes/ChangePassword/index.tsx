import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { homePath, useMe } from '../../hooks/useMe.ts';
import { usePageTitle } from '../../hooks/usePageTitle.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

const RULE = 'Mật khẩu mới dài ít nhất 8 ký tự, có cả chữ và số.';

function checkNewPassword(value: string | undefined): string | null {
  if (!value) return 'Nhập mật khẩu mới';
  if (value.length < 8) return 'Mật khẩu mới phải dài ít nhất 8 ký tự';
  if (!/\p{L}/u.test(value) || !/\d/.test(value)) return 'Mật khẩu mới phải có cả chữ và số';
  return null;
}

export default function ChangePasswordScene() {
  const { me, refresh } = useMe();
  const forced = Boolean(me?.mustChangePassword);
  usePageTitle('Đổi mật khẩu');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      message.success('Đã đổi mật khẩu.');
      const next = await refresh();
      navigate(next ? homePath(next) : '/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  const form = (
    <Card style={{ maxWidth: forced ? undefined : 480 }}>
      {forced && <Typography.Title level={4} style={{ marginTop: 0 }}>Đổi mật khẩu</Typography.Title>}
      {forced && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          title="Đây là lần đăng nhập đầu tiên"
          description="Hãy đặt mật khẩu của riêng bạn thay cho mật khẩu in trên phiếu đăng nhập." />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> layout="vertical" requiredMark={false} onFinish={handleFinish} disabled={submitting}>
        <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu mới" name="newPassword" extra={RULE}
          rules={[{ validator: async (_, value: string | undefined) => {
            const problem = checkNewPassword(value);
            if (problem) throw new Error(problem);
          } }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="Nhập lại mật khẩu mới" name="repeatPassword" dependencies={['newPassword']}
          rules={[{ required: true, message: 'Nhập lại mật khẩu mới' }, ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('Hai lần nhập mật khẩu mới không khớp');
            },
          })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block={forced} loading={submitting}>Đổi mật khẩu</Button>
      </Form>
    </Card>
  );

  if (forced) return form;
  return (
    <>
      <PageHeader title="Đổi mật khẩu" subtitle="Mật khẩu dùng để đăng nhập vào hệ thống Bồi dưỡng." />
      {form}
    </>
  );
}
