/** Issue 2, item 2: "A second process opening the same PGlite directory gets a clear error." */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/client.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the PGlite data directory lock', () => {
  it('makes a second process exit with a clear message, and frees the directory on close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jw-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      const second = spawnSync(process.execPath, [path.join(root, 'bin/jiangwan.js'), 'migrate'], {
        env: { ...process.env, JW_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).toBe(3);
      expect(second.stderr).toContain('正被另一个江湾进程');
      expect(second.stderr).toContain(`in use by another Jiangwan process (PID ${process.pid})`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('takes over a lock left by a process that died (kill -9)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jw-lock-'));
    writeFileSync(path.join(dir, 'jiangwan.lock'), '999999'); // no such process
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });
});
