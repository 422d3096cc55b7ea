import { isAbsolute, relative } from 'node:path';

/** Whether a path is inside a folder (not the folder itself). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
