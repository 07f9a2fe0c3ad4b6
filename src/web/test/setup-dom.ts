// Setup of the `dom` test project (*.test.tsx, jsdom): what the browser has and jsdom lacks, and a clean document per test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// useIsPhone and antd's responsive helpers read media queries: a desktop-wide window unless a test says otherwise.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  });
}

// antd's Table, Select and textarea autosize observe sizes.
if (!('ResizeObserver' in window)) {
  (window as { ResizeObserver?: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

afterEach(() => cleanup());
