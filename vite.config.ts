import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = import.meta.dirname;
const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

// The staff app (antd, dayjs) is lazy-loaded behind App.tsx, so a later lightweight entry (the participant's exam
// page) can share react and the router without pulling the component library into its first load.
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  publicDir: false,
  plugins: [react()],
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
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs|clsx|scroll-into-view-if-needed|compute-scroll-into-view|throttle-debounce|json2mq|string-convert|stylis)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
