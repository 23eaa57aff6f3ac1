import { createHash, randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dir} 正被另一个江湾进程（PID ${pid}）使用；请先停止它，或用 JW_DATA_DIR 指定其他目录。\n` +
        `The data directory ${dir} is in use by another Jiangwan process (PID ${pid}); stop it first or set JW_DATA_DIR to another directory.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * What this process wrote into the locks it holds. A lock file holds "<pid> <random token>":
 * the token tells our own lock from one left by an earlier process that had our PID (a
 * restarted container often gets the same PID again).
 */
const held = new Set<string>();

const pidOf = (content: string) => Number(content.split(' ')[0]);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(content: string): boolean {
  const pid = pidOf(content);
  if (!Number.isInteger(pid) || pid <= 0) return true; // unreadable: half written by an older version
  return pid === process.pid ? !held.has(content) : !isAlive(pid);
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A fresh file beside `file` with the content; moved or linked into place, it appears whole. */
function writeTemp(file: string, content: string) {
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temp, content, { flag: 'wx' });
  return temp;
}

/** Creates `file` with the content if no file has that name (link fails on an existing name). */
function createExclusively(file: string, content: string): boolean {
  const temp = writeTemp(file, content);
  try {
    linkSync(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Makes `content` the owner of `file`: null when it is, otherwise the live owner's content.
 * A stale owner is replaced only by the one process that created the claim file named after
 * that very content, and only if the file still holds it: a process that read the stale content
 * long ago finds it changed and leaves the new owner alone. Claims are taken the same way, so a
 * claimant that died in between is itself taken over.
 */
function take(file: string, content: string): string | null {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createExclusively(file, content)) return null;
    const current = readIfExists(file);
    if (current === null) continue; // released meanwhile
    if (!isStale(current)) return current;
    const claim = `${file}.${createHash('sha256').update(current).digest('hex').slice(0, 32)}`;
    const claimant = take(claim, content);
    if (claimant !== null) return claimant; // a live process is taking it over
    try {
      if (readIfExists(file) === current) {
        renameSync(writeTemp(file, content), file);
        return null;
      }
    } finally {
      rmSync(claim, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}

/**
 * Takes `<dir>/jiangwan.lock` for this process, or throws DataDirLockedError naming the process
 * that holds it. A lock whose process no longer runs (after kill -9) is taken over, by exactly
 * one of the processes that try at once.
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  const file = path.join(dir, 'jiangwan.lock');
  const content = `${process.pid} ${randomUUID()}`;
  const owner = take(file, content);
  if (owner !== null) throw new DataDirLockedError(dir, pidOf(owner));
  held.add(content);
  const release = () => {
    if (!held.delete(content)) return;
    process.off('exit', release);
    // nobody takes over a live process's lock, so it is still ours to remove
    if (readIfExists(file) === content) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return { release };
}
