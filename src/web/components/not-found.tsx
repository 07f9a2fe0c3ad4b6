import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';

export function NotFound() {
  usePageTitle('Không tìm thấy trang');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không tồn tại hoặc đã được chuyển đi."
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          Về trang chính
        </Button>
      }
    />
  );
}
