import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { homePath, useMe } from '../../hooks/useMe.ts';
import { usePageTitle } from '../../hooks/usePageTitle.ts';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginScene() {
  usePageTitle('Đăng nhập');
  const { me, loading, refresh } = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (loading) return <PageLoading />;
  if (me && !submitting) return <Navigate to={me.mustChangePassword ? '/doi-mat-khau' : (from ?? homePath(me))} replace />;

  const handleFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await authApi.login(values.username.trim(), values.password);
      const next = await refresh();
      if (result.mustChangePassword || next?.mustChangePassword) navigate('/doi-mat-khau', { replace: true });
      else navigate(from ?? (next ? homePath(next) : '/'), { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthLayout>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>Đăng nhập</Typography.Title>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={handleFinish} disabled={submitting}>
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập' }]}
            extra="Tên đăng nhập là mã định danh (hoặc số CCCD) in trên phiếu đăng nhập"
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" inputMode="text" />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>Đăng nhập</Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 13 }}>
        Quên mật khẩu? Liên hệ người phụ trách đơn vị để được cấp lại.
      </Typography.Paragraph>
    </AuthLayout>
  );
}
