import fs from 'node:fs';
import path from 'node:path';

/**
 * Moves a file the app cannot read out of the way, next to where it was, with the time in its
 * name, so the data is kept for a human to look at and the app can start afresh.
 * Returns the new file name.
 */
export function quarantine(file: string, now: Date): string {
  const { dir, name, ext } = path.parse(file);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = path.join(dir, `${name}.corrupt-${stamp}${ext}`);
  for (let n = 2; fs.existsSync(target); n++) {
    target = path.join(dir, `${name}.corrupt-${stamp}-${n}${ext}`);
  }
  fs.renameSync(file, target);
  return path.basename(target);
}
