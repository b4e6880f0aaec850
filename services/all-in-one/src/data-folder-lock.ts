import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Another live process holds the data folder. */
export class DataFolderInUse extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${folder} is in use by another Hypercare process (pid ${pid}). Stop that one first, or start this one on another folder with HYPERCARE_DATA_DIR=<folder>.`,
    );
    this.name = 'DataFolderInUse';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims `folder` for this process through a lock file holding its pid. A lock left by a
 * process that is gone (a crash, a power cut) is taken over; a live one is refused, since
 * two processes on one embedded database would corrupt it.
 */
export const lockDataFolder = (folder: string): { release(): void } => {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'hypercare.lock');
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder))
        throw new DataFolderInUse(folder, holder);
      rmSync(file, { force: true });
    }
  }
};
