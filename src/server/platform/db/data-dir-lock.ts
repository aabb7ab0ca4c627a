import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite runs PostgreSQL inside this process, so two processes on one data folder would
 * corrupt it. A lock file records who holds the folder; a second process stops with a
 * message naming the holder instead of waiting or corrupting.
 */
export type LockInfo = { pid: number; command: string; startedAt: string; url?: string };

export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${dir} is in use by NCPP process ${holder.pid} ` +
        `("ncpp ${holder.command}"${holder.url ? `, serving ${holder.url}` : ''}, started ${holder.startedAt}). ` +
        `Stop that process first (Ctrl+C in its terminal, or kill ${holder.pid}), ` +
        `or point this command at a PostgreSQL server with DATABASE_URL.`,
    );
    this.name = 'DataDirBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dir: string, command: string): { release(): void; update(info: Partial<LockInfo>): void } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ncpp.lock');
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return {
        release,
        update(extra) {
          Object.assign(info, extra);
          fs.writeFileSync(file, JSON.stringify(info));
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataDirBusyError(dir, holder);
      // The holder died without cleaning up (crash, kill -9): the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock data folder ${dir}`);
}
