import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below about a packet compression saves nothing a browser would notice. */
const MIN_BYTES = 1024;

/**
 * Writes brotli and gzip copies beside every text file under `dir` (x.js.br, x.js.gz), at the
 * highest levels, once at build: the server sends the one the browser accepts (preCompressed in
 * server/app.ts), so no request pays for compressing and no reverse proxy has to. Only `only`
 * (paths under `dir`) when given. Returns how many files were compressed.
 */
export async function precompress(dir: string, only?: string[]): Promise<number> {
  const files = (only ?? (await readdir(dir, { recursive: true }))).filter((f) => COMPRESSIBLE.test(f));
  const done = await Promise.all(
    files.map(async (f) => {
      const file = join(dir, f);
      const body = await readFile(file);
      if (body.length < MIN_BYTES) return 0;
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
      return 1;
    }),
  );
  return done.reduce<number>((a, b) => a + b, 0);
}

/** Each build of `vite build` precompresses the files it wrote (vite.config.ts). */
export const precompressPlugin: Plugin = {
  name: 'jiangwan-precompress',
  apply: 'build',
  async writeBundle({ dir }, bundle) {
    if (dir) await precompress(dir, Object.keys(bundle));
  },
};
