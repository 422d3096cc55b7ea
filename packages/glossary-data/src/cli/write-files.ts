import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A file to write: a path relative to the output directory, and its text. */
export interface FileToWrite {
  readonly path: string;
  readonly text: string;
}

/**
 * Writes files into a directory so that no reader ever sees one half-written: every file goes to a
 * temporary name beside its target first, and only when all are written are they renamed into place.
 * When a write fails, the temporary files are removed and no target is touched; when a rename fails,
 * the files already renamed are whole and the rest are left as they were.
 * @param dir - the output directory, created when missing.
 * @param files - the files, with paths relative to `dir`.
 * @returns the paths written, each joined to `dir`; throws the first error otherwise, its `path` the
 *   target file it concerns.
 */
export async function writeFilesAtomically(dir: string, files: readonly FileToWrite[]): Promise<string[]> {
  const suffix = `.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const file of files) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      const temp = target + suffix;
      staged.push({ temp, target });
      await writeFile(temp, file.text, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    // The user knows the target, not the temporary name.
    const failed = error as NodeJS.ErrnoException;
    const last = staged.at(-1);
    if (last && failed.path === last.temp) failed.path = last.target;
    throw error;
  }
  let renamed = 0;
  try {
    for (const { temp, target } of staged) {
      await rename(temp, target);
      renamed++;
    }
  } catch (error) {
    // The files renamed so far are whole; the rest stay as they were.
    await Promise.all(staged.slice(renamed).map(({ temp }) => rm(temp, { force: true })));
    (error as NodeJS.ErrnoException).path = staged[renamed]!.target;
    throw error;
  }
  return staged.map(({ target }) => target);
}
