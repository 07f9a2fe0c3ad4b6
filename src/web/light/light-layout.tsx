import type { ReactNode } from 'react';
import { BrandMark } from '../components/brand-mark.tsx';
import { PRODUCT_NAME } from '../hooks/usePageTitle.ts';
import './light.css';

/** The brand above a centred card: login and password pages. */
export function CenteredLayout({ children }: { children: ReactNode }) {
  return (
    <div className="lt">
      <main className="lt-main">
        <div className="lt-center">
          <div className="lt-brand">
            <BrandMark size={44} />
            <div>
              <h1>{PRODUCT_NAME}</h1>
              <p>Bồi dưỡng chính trị ngành Giáo dục</p>
            </div>
          </div>
          {children}
        </div>
      </main>
    </div>
  );
}

/** A slim top bar and the page: the participant's own pages. */
export function TopBarLayout({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <div className="lt">
      <header className="lt-top">
        <BrandMark size={28} />
        <span className="lt-top__name">{PRODUCT_NAME}</span>
        <span className="lt-top__spacer" />
        {right}
      </header>
      <main className="lt-main">{children}</main>
    </div>
  );
}

export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="lt-alert lt-alert--error" role="alert">
      {message}
    </div>
  );
}
