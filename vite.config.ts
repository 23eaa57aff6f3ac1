import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
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

/**
 * Three entries: the staff app (antd), its login page (React and a plain form: antd loads after
 * login) and the light resident page that a household code opens (/r/<code>). Pages are React.lazy chunks; the big libraries get chunks of their own so a
 * page change does not bust the cache of the framework.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), ownPages, precompressPlugin],
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      input: {
        index: resolve(web, 'index.html'),
        login: resolve(web, 'login.html'),
        resident: resolve(web, 'resident.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 30,
            },
            // the staff app's alone: the login and resident pages have no routes
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
