import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = import.meta.dirname;
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

/** Where the participant app starts: these chunks and everything they import, statically or lazily, work offline. */
const PARTICIPANT_ROOTS = ['light/participant-app.tsx', 'light/login-screen.tsx', 'light/change-password-screen.tsx'];
/** Chunks that must never be precached (the staff app and its component library). */
const STAFF_CHUNKS = /^(antd|staff-app)$/;

/**
 * Writes dist/web/thi-sw.js: src/web/light/sw.ts compiled alone, preceded by the list of files the /thi routes need
 * (index.html, the entry's static imports, the participant roots with their static and lazy imports, their CSS) and a
 * version hashed from that list and index.html, so that every deploy that changes the shell installs a new worker.
 */
function participantServiceWorker(): Plugin {
  return {
    name: 'participant-service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
      const files = new Set<string>();
      const visit = (fileName: string, lazy: boolean) => {
        const chunk = chunks.get(fileName);
        if (!chunk || files.has(fileName)) return;
        if (STAFF_CHUNKS.test(chunk.name)) throw new Error(`thi-sw: the participant app would precache ${fileName}`);
        files.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const next of chunk.imports) visit(next, lazy);
        if (lazy) for (const next of chunk.dynamicImports) visit(next, lazy);
      };
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) throw new Error('thi-sw: no entry chunk');
      visit(entry.fileName, false);
      for (const root of PARTICIPANT_ROOTS) {
        const chunk = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(`/src/web/${root}`));
        if (!chunk) throw new Error(`thi-sw: no chunk for ${root}`);
        visit(chunk.fileName, true);
      }
      const html = bundle['index.html'];
      const htmlText = html?.type === 'asset' ? String(html.source) : '';
      const precache = ['/index.html', ...[...files].sort().map((file) => `/${file}`)];
      const version = createHash('sha256').update(JSON.stringify(precache)).update(htmlText).digest('hex').slice(0, 16);
      const source = path.join(repoRoot, 'src/web/light/sw.ts');
      const compiled = await transformWithOxc(fs.readFileSync(source, 'utf8'), source, { lang: 'ts' });
      const body = compiled.code.replace(/^export \{\s*\};?\s*$/m, '');
      this.emitFile({
        type: 'asset',
        fileName: 'thi-sw.js',
        source: `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n${body}`,
      });
    },
  };
}

// The staff app (antd, dayjs) is lazy-loaded behind App.tsx, so a later lightweight entry (the participant's exam
// page) can share react and the router without pulling the component library into its first load.
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  publicDir: false,
  plugins: [react(), participantServiceWorker()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|clsx|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|json2mq|string-convert|stylis)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
