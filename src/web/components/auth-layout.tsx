import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { PRODUCT_NAME } from '../hooks/usePageTitle.ts';
import { BrandMark } from './brand-mark.tsx';

/** A centred card on a plain background: the login and the first-login password change. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-layout">
      <div className="auth-layout__inner">
        <div className="auth-layout__brand">
          <BrandMark size={44} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>{PRODUCT_NAME}</Typography.Title>
            <Typography.Text type="secondary">Bồi dưỡng chính trị ngành Giáo dục</Typography.Text>
          </div>
        </div>
        {children}
      </div>
    </div>
  );
}
