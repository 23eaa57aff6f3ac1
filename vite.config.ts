import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';

const web = resolve(import.meta.dirname, 'src/web');

/** In dev and preview, as the server does in production: /r/<code> opens the resident page. */
const toResidentPage: Connect.NextHandleFunction = (req, _res, next) => {
  if (req.url === '/r' || req.url?.startsWith('/r/') || req.url?.startsWith('/r?'))
    req.url = '/resident.html';
  next();
};
const residentPages: Plugin = {
  name: 'jiangwan-resident-pages',
  configureServer: (server) => void server.middlewares.use(toResidentPage),
  configurePreviewServer: (server) => void server.middlewares.use(toResidentPage),
};

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Text worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Brotli and gzip copies beside every text file of the build (x.js.br, x.js.gz), at the highest
 * levels, once: the server sends the one the browser accepts (preCompressed in server/app.ts),
 * so no request pays for compressing and no reverse proxy has to.
 */
const precompress: Plugin = {
  name: 'jiangwan-precompress',
  apply: 'build',
  async writeBundle({ dir }) {
    if (!dir) return;
    const files = await readdir(dir, { recursive: true });
    await Promise.all(
      files
        .filter((f) => COMPRESSIBLE.test(f))
        .map(async (f) => {
          const file = join(dir, f);
          const body = await readFile(file);
          // below a packet, compression saves nothing the browser would notice
          if (body.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gzipped(body, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
    );
  },
};

/** The API the dev server talks to (`npm run dev` or `jiangwan serve` on port 3000). */
const api = process.env.JW_API ?? 'http://127.0.0.1:3000';

/**
 * Two entries: the staff app (antd) and the light resident page that a household code opens
 * (/r/<code>). Pages are React.lazy chunks; the big libraries get chunks of their own so a
 * page change does not bust the cache of the framework.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), residentPages, precompress],
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      input: {
        index: resolve(web, 'index.html'),
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
            // the staff app's alone: the resident page has no routes
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
