import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Connect, type Plugin, type InlineConfig } from 'vite';
import { precompressPlugin } from './scripts/precompress.ts';

const web = resolve(import.meta.dirname, 'src/web');

/** In dev and preview, as the server does in production: /r/<code> opens the resident page, /login the login page. */
const toOwnPage: Connect.NextHandleFunction = (req, _res, next) => {
  if (req.url === '/r' || req.url?.startsWith('/r/') || req.url?.startsWith('/r?'))
    req.url = '/resident.html';
  else if (req.url === '/login' || req.url?.startsWith('/login?')) req.url = '/login.html';
  next();
};
const ownPages: Plugin = {
  name: 'jiangwan-own-pages',
  configureServer: (server) => void server.middlewares.use(toOwnPage),
  configurePreviewServer: (server) => void server.middlewares.use(toOwnPage),
};

/** The API the dev server talks to (`npm run dev` or `jiangwan serve` on port 3000). */
const api = process.env.JW_API ?? 'http://127.0.0.1:3000';

const outDir = '../../dist/web';

/**
 * The two pages without antd that a phone opens first, the login and the resident page (a
 * household code opens /r/<code>), are built apart with Preact in place of React: the same
 * components at a tenth of React's bytes (about 6 KiB compressed instead of 59), which is most of
 * what an old phone on a slow line waits for. The staff app keeps React (antd needs it).
 */
const lightPagesConfig: InlineConfig = {
  configFile: false,
  root: 'src/web',
  logLevel: 'warn',
  plugins: [react(), precompressPlugin],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir,
    // beside the staff app's files, which its build has just written
    emptyOutDir: false,
    rolldownOptions: {
      input: { login: resolve(web, 'login.html'), resident: resolve(web, 'resident.html') },
      output: {
        codeSplitting: { groups: [{ name: 'preact', test: /node_modules[\\/]preact[\\/]/, priority: 30 }] },
      },
    },
  },
};
const lightPages: Plugin = {
  name: 'jiangwan-light-pages',
  apply: 'build',
  // once the staff app is written: one `vite build` builds every page
  closeBundle: async () => void (await build(lightPagesConfig)),
};

/**
 * The staff app (index.html, antd, React); its plugin then builds the login and resident pages
 * (above). Pages are React.lazy chunks; the big libraries get chunks of their own so a page
 * change does not bust the cache of the framework. The dev server serves all three pages with
 * React.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), ownPages, precompressPlugin, lightPages],
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      input: { index: resolve(web, 'index.html') },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            {
              name: 'router',
              test: /node_modules[\\/]react-router[\\/]/,
              priority: 20,
            },
            {
              name: 'libs',
              test: /node_modules[\\/]@tanstack[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
