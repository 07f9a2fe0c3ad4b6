import { render, type RenderOptions } from '@testing-library/react';
import { App, ConfigProvider } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { staffLocale } from '../lib/locale.ts';

/** The providers every staff screen runs under: antd's App (message, modal) in Vietnamese, and a router. */
export function Providers({ children, path = '/' }: { children: ReactNode; path?: string }) {
  return (
    <ConfigProvider locale={staffLocale}>
      <App>
        <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
      </App>
    </ConfigProvider>
  );
}

/** Renders a component of the staff app as the app would. */
export function renderScreen(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> & { path?: string } = {}) {
  const { path, ...rest } = options;
  return render(ui, { wrapper: ({ children }) => <Providers path={path}>{children}</Providers>, ...rest });
}
