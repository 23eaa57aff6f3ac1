/**
 * Issue 2, item 2: "A second process opening the same PGlite directory gets a clear error."
 * Issue 9, item 8: taking over a stale lock is atomic — of two processes racing after a crash,
 * exactly one gets the directory.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db/client.ts';
import { acquireDataDirLock, DataDirLockedError } from '../../src/server/platform/db/lock.ts';

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

/**
 * A process that, told `go <instant>`, waits for that instant and tries to take the lock, then
 * prints `won` or `locked <pid>` and holds what it got until its standard input closes.
 */
const CONTENDER = `
import { createInterface } from 'node:readline';
import { acquireDataDirLock, DataDirLockedError } from ${JSON.stringify(path.join(root, 'src/server/platform/db/lock.ts'))};
process.stdout.write('ready\\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [, at, dir] = line.split(' ');
  while (Date.now() < Number(at)); // start together, to the millisecond
  try {
    acquireDataDirLock(dir);
    process.stdout.write('won\\n');
  } catch (err) {
    process.stdout.write(err instanceof DataDirLockedError ? \`locked \${err.pid}\\n\` : \`failed \${err}\\n\`);
  }
}
`;

function contender() {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CONTENDER], {
    cwd: root,
  });
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    waiters.splice(0).forEach((w) => w());
  });
  const line = async (n: number) => {
    while (lines.length <= n) await new Promise<void>((resolve) => waiters.push(resolve));
    return lines[n]!;
  };
  return { child, line };
}

describe('taking over a stale lock', () => {
  it('gives the directory to exactly one of two processes racing after a crash, 20 rounds in a row', async () => {
    const pair = [contender(), contender()];
    const children: ChildProcessWithoutNullStreams[] = pair.map((p) => p.child);
    const dirs: string[] = [];
    try {
      await Promise.all(pair.map((p) => p.line(0)));
      const outcomes: string[][] = [];
      for (let round = 1; round <= 20; round++) {
        const dir = mkdtempSync(path.join(tmpdir(), 'jw-lock-race-'));
        dirs.push(dir);
        writeFileSync(path.join(dir, 'jiangwan.lock'), '999999'); // left by a process that died
        const at = Date.now() + 30;
        for (const p of pair) p.child.stdin.write(`go ${at} ${dir}\n`);
        outcomes.push(await Promise.all(pair.map((p) => p.line(round))));
      }
      // winners per round, all at once: a failure shows every round that went wrong
      expect(outcomes.map((o) => o.filter((x) => x === 'won').length)).toEqual(outcomes.map(() => 1));
      for (const outcome of outcomes) {
        // the other one is told who holds it
        const winner = outcome.indexOf('won');
        expect(outcome[1 - winner]).toBe(`locked ${children[winner]!.pid}`);
      }
    } finally {
      await Promise.all(children.map((c) => new Promise((resolve) => c.once('exit', resolve).stdin.end())));
    }
    // the winners released their locks as they exited, and no claim or temporary file is left
    for (const dir of dirs) expect(readdirSync(dir)).toEqual([]);
    for (const dir of dirs) rmSync(dir, { recursive: true });
  });

  it('takes over a lock whose taking over was left half done by a process that died', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jw-lock-'));
    const file = path.join(dir, 'jiangwan.lock');
    writeFileSync(file, '999999 a');
    writeFileSync(
      `${file}.${createHash('sha256').update('999999 a').digest('hex').slice(0, 32)}`,
      '999998 b',
    );
    const lock = acquireDataDirLock(dir);
    expect(readdirSync(dir)).toEqual(['jiangwan.lock']);
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock left by an earlier process that had our PID (a restarted container), but not one of its own', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jw-lock-'));
    writeFileSync(path.join(dir, 'jiangwan.lock'), `${process.pid} earlier`);
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
  });
});
