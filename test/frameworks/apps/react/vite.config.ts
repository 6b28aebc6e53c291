import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Client build (dist/client: the SSR page's hydration entry and a client-only page using React's
// own custom-element JSX) and server build (dist/server: renderToString), as an SSR app ships.
export default defineConfig(({ isSsrBuild }) => ({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  logLevel: 'warn',
  build: isSsrBuild
    ? { outDir: 'dist/server', emptyOutDir: true }
    : {
        outDir: 'dist/client',
        emptyOutDir: true,
        rolldownOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), native: resolve(import.meta.dirname, 'native.html') } },
      },
}));
