import { defineConfig } from 'vitest/config';

// Two projects: `*.test.ts` (domain, server, CLI) in Node; `*.test.tsx` (web components and hooks) in jsdom.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'dom', include: ['src/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['src/web/test/setup-dom.ts'] },
      },
    ],
  },
});
