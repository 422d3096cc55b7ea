import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { workerLoader } from './load-in-worker.js';
import type { WorkspaceFiles } from './manager.js';
import { relative, isAbsolute } from 'node:path';
import { URI } from 'vscode-uri';

/**
 * The largest file read: the parser reads a JSON glossary up to 4 M characters (a markdown page up
 * to far fewer), and UTF-8 takes at most 3 bytes per UTF-16 code unit.
 */
const MAX_BYTES = 12 * 1024 * 1024;

/**
 * Reads glossary files from the disk as a server may: only regular files (not a FIFO, a device, a
 * socket or a directory), no larger than a glossary may be, and, for the workspace's files, only
 * where they really are inside a workspace folder (a symbolic link that leads out of the workspace
 * is not followed; the user's own glossaries may be links). The file is opened without blocking and
 * checked on its open handle, so what is checked is what is read.
 * @param refused - told why a file that exists is not read.
 * @param workerScript - the built worker (`load-worker.cjs` beside the server): files are parsed
 *   there, so requests are answered while a large glossary is read. Absent: on the calling thread.
 * @returns the file access for the glossary manager.
 */
export function nodeWorkspaceFiles(
  refused: (path: string, why: string) => void,
  workerScript?: string,
): WorkspaceFiles {
  return {
    ...(workerScript !== undefined && { load: workerLoader(workerScript) }),
    async read(uri, where) {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') return undefined; // a file system the server cannot reach
      const path = parsed.fsPath;
      let real: string;
      try {
        real = await realpath(path);
      } catch {
        return undefined; // not there (or a link to nothing): nothing to read
      }
      if (!where.own) {
        const paths = where.folders.flatMap((f) => (URI.parse(f).scheme === 'file' ? [URI.parse(f).fsPath] : []));
        const folders = await Promise.all(paths.map((f) => realpath(f).catch(() => f)));
        if (!folders.some((folder) => isInsidePath(folder, real))) {
          refused(path, `it leads to ${real}, outside the workspace`);
          return undefined;
        }
      }
      let handle;
      try {
        handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
      } catch {
        return undefined;
      }
      try {
        const stat = await handle.stat();
        if (!stat.isFile()) {
          refused(path, 'it is not a regular file');
          return undefined;
        }
        if (stat.size > MAX_BYTES) {
          refused(path, `it has ${(stat.size / 1048576).toFixed(0)} MB; glossaries are read up to 12 MB`);
          return undefined;
        }
        return await handle.readFile('utf8');
      } catch {
        return undefined;
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
  };
}

/** Whether a path is inside a folder (not the folder itself). */
function isInsidePath(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
